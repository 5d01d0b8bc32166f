#pragma once
// The result of a classifier-side operation that can fail on bad input: a value,
// or a one-line reason. Nothing in the model code throws across this boundary.
#include <optional>
#include <string>
#include <utility>

namespace seiche::analysis {

template <class T>
struct ModelResult {
    std::optional<T> value;
    std::string error;  // set exactly when value is empty

    static ModelResult success(T v) { return ModelResult{std::optional<T>(std::move(v)), {}}; }
    static ModelResult failure(std::string why) { return ModelResult{std::nullopt, std::move(why)}; }

    explicit operator bool() const { return value.has_value(); }
};

}  // namespace seiche::analysis
