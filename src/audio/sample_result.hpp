#pragma once
// The small result type of the sample bank's parts: a value, or one line saying why
// there is none. Loading meets bad files all the time, so failure is an ordinary
// return value here, never an exception crossing a module boundary.
#include <optional>
#include <string>
#include <utility>

namespace seiche::audio {

template <typename T>
struct LoadResult {
    std::optional<T> value;
    std::string error;  // set exactly when value is empty; a short reason, no file name

    static LoadResult success(T v) { return LoadResult{std::optional<T>(std::move(v)), {}}; }
    static LoadResult failure(std::string why) { return LoadResult{std::nullopt, std::move(why)}; }

    explicit operator bool() const { return value.has_value(); }
};

}  // namespace seiche::audio
