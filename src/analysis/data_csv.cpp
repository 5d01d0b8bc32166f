#include "analysis/data_csv.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace seiche::analysis {
namespace {

std::string trim(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    const auto end = s.find_last_not_of(" \t\r");
    return std::string(s.substr(begin, end - begin + 1));
}

// One CSV record; quotes may hold commas and doubled quotes. False on an unclosed quote.
bool splitFields(std::string_view line, std::vector<std::string>& fields) {
    fields.clear();
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(trim(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(trim(field));
    return !quoted;
}

bool parseFinite(const std::string& text, double& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtod(text.c_str(), &end);
    return end && *end == '\0' && errno != ERANGE && std::isfinite(out);
}

}  // namespace

ModelResult<Dataset> parseDataCsv(std::string_view text, const std::string& source, const DataCsvOptions& options) {
    using Result = ModelResult<Dataset>;
    Dataset data;
    std::vector<std::string> fields;
    size_t lineNumber = 0, start = 0;
    bool haveHeader = false;
    std::vector<std::vector<double>> rows;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        const std::string where = source + ":" + std::to_string(lineNumber) + ": ";
        if (trim(line).empty()) continue;
        if (!splitFields(line, fields)) return Result::failure(where + "unclosed quote");
        if (!haveHeader) {
            if (fields.size() < 2) return Result::failure(where + "the header needs an id (or path) column and a label column");
            data.featureNames.assign(fields.begin() + 2, fields.end());
            haveHeader = true;
            continue;
        }
        if (fields.size() != data.featureCount() + 2)
            return Result::failure(where + "expected " + std::to_string(data.featureCount() + 2) + " fields, got " +
                                   std::to_string(fields.size()));
        if (fields[0].empty()) return Result::failure(where + "empty id");
        if (options.requireLabels && fields[1].empty()) return Result::failure(where + "no label");
        std::vector<double> values(data.featureCount());
        for (size_t c = 0; c < values.size(); ++c)
            if (!parseFinite(fields[c + 2], values[c]))
                return Result::failure(where + "column '" + data.featureNames[c] + "': '" + fields[c + 2] +
                                       "' is not a finite number");
        data.ids.push_back(fields[0]);
        data.labels.push_back(fields[1]);
        rows.push_back(std::move(values));
    }
    if (!haveHeader) return Result::failure(source + ": empty file (no header)");
    if (rows.empty()) return Result::failure(source + ": no examples after the header");
    data.features.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(data.featureCount()));
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c)
            data.features(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = rows[r][c];
    return Result::success(std::move(data));
}

ModelResult<Dataset> readDataCsv(const std::string& path, const DataCsvOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ModelResult<Dataset>::failure(path + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    return parseDataCsv(text.str(), path, options);
}

namespace {

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

}  // namespace

std::string writeDataCsv(const Dataset& data, const std::string& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return path + ": cannot write";
    out << "id,label";
    for (const auto& name : data.featureNames) out << ',' << csvField(name);
    out << '\n';
    char number[40];
    for (size_t r = 0; r < data.size(); ++r) {
        out << csvField(data.ids[r]) << ',' << csvField(data.labels[r]);
        for (Eigen::Index c = 0; c < data.features.cols(); ++c) {
            std::snprintf(number, sizeof number, ",%.17g", data.features(static_cast<Eigen::Index>(r), c));
            out << number;
        }
        out << '\n';
    }
    out.close();
    return out ? "" : path + ": write failed";
}

}  // namespace seiche::analysis
