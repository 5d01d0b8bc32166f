#pragma once
// Between the store's rows and the analysis library's Dataset: what train(),
// evaluate and the data-CSV export see is exactly what the store holds.
#include <string>
#include <vector>

#include "analysis/dataset.hpp"
#include "session/store.hpp"

namespace seiche::session {

// The examples of `dataset` in insertion order, with its feature set's column names.
StoreResult<analysis::Dataset> loadStoredDataset(Store& store, const std::string& dataset);

// Rows of an analysis Dataset (e.g. read from a data CSV with feature columns) as store examples.
std::vector<LabelledExample> examplesOf(const analysis::Dataset& data, const std::string& featureSet);

}  // namespace seiche::session
