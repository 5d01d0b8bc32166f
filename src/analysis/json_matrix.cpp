#include "analysis/json_matrix.hpp"

#include <cmath>

namespace seiche::analysis {

nlohmann::json vectorToJson(const Eigen::VectorXd& v) {
    nlohmann::json out = nlohmann::json::array();
    for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(v[i]);
    return out;
}

nlohmann::json matrixToJson(const Eigen::MatrixXd& m) {
    nlohmann::json out = nlohmann::json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) out.push_back(vectorToJson(m.row(r).transpose()));
    return out;
}

std::optional<Eigen::VectorXd> vectorFromJson(const nlohmann::json& j, const std::string& what, std::string& error) {
    if (!j.is_array()) {
        error = what + " is not an array";
        return std::nullopt;
    }
    Eigen::VectorXd v(static_cast<Eigen::Index>(j.size()));
    for (size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_number() || !std::isfinite(j[i].get<double>())) {
            error = what + "[" + std::to_string(i) + "] is not a finite number";
            return std::nullopt;
        }
        v[static_cast<Eigen::Index>(i)] = j[i].get<double>();
    }
    return v;
}

std::optional<Eigen::MatrixXd> matrixFromJson(const nlohmann::json& j, const std::string& what, std::string& error) {
    if (!j.is_array() || j.empty()) {
        error = what + " is not a non-empty array of rows";
        return std::nullopt;
    }
    Eigen::MatrixXd m;
    for (size_t r = 0; r < j.size(); ++r) {
        auto row = vectorFromJson(j[r], what + "[" + std::to_string(r) + "]", error);
        if (!row) return std::nullopt;
        if (r == 0) m.resize(static_cast<Eigen::Index>(j.size()), row->size());
        if (row->size() != m.cols()) {
            error = what + " has rows of different lengths";
            return std::nullopt;
        }
        m.row(static_cast<Eigen::Index>(r)) = row->transpose();
    }
    return m;
}

const nlohmann::json* member(const nlohmann::json& j, const char* key, const std::string& where, std::string& error) {
    if (!j.is_object() || !j.contains(key)) {
        error = where + (where.empty() ? "" : ": ") + "missing '" + key + "'";
        return nullptr;
    }
    return &j[key];
}

}  // namespace seiche::analysis
