#pragma once
// Eigen vectors and matrices as nested JSON arrays (row-major), read strictly:
// every number present and the shape rectangular, or a reason why not.
#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace seiche::analysis {

nlohmann::json vectorToJson(const Eigen::VectorXd& v);
nlohmann::json matrixToJson(const Eigen::MatrixXd& m);

// `what` names the field in the error message.
std::optional<Eigen::VectorXd> vectorFromJson(const nlohmann::json& j, const std::string& what, std::string& error);
std::optional<Eigen::MatrixXd> matrixFromJson(const nlohmann::json& j, const std::string& what, std::string& error);

// The member `key` of object `j`, or nullptr after setting error.
const nlohmann::json* member(const nlohmann::json& j, const char* key, const std::string& where, std::string& error);

}  // namespace seiche::analysis
