#pragma once
// Data CSVs: a header, then one example per line: file path or id, label, and any
// number of precomputed feature columns (the MIRLCa files have this form). With no
// feature columns the rows name sound files whose features are extracted later.
// Errors read "FILE:LINE: reason".
#include <string>
#include <string_view>

#include "analysis/dataset.hpp"
#include "analysis/model_result.hpp"

namespace seiche::analysis {

struct DataCsvOptions {
    bool requireLabels = true;  // classifying may read unlabelled rows
};

ModelResult<Dataset> parseDataCsv(std::string_view text, const std::string& source, const DataCsvOptions& options = {});
ModelResult<Dataset> readDataCsv(const std::string& path, const DataCsvOptions& options = {});

// The same form back, every feature to 17 significant digits so it reads back exactly:
// a cache of extracted features, or input for other tools. "" on success.
std::string writeDataCsv(const Dataset& data, const std::string& path);

}  // namespace seiche::analysis
