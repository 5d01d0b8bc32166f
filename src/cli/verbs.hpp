#pragma once
#include <string>
#include <vector>

namespace seiche::cli {

int runQuery(const std::vector<std::string>& args);
int runFunctions(const std::vector<std::string>& args);
int runBench(const std::vector<std::string>& args);
int runRender(const std::vector<std::string>& args);
int runPlay(const std::vector<std::string>& args);
int runDevices(const std::vector<std::string>& args);
int runFeatures(const std::vector<std::string>& args);
int runTrain(const std::vector<std::string>& args);
int runEvaluate(const std::vector<std::string>& args);
int runClassify(const std::vector<std::string>& args);
int runLabels(const std::vector<std::string>& args);
int runModels(const std::vector<std::string>& args);
int runJournal(const std::vector<std::string>& args);

// Reads a whole file; returns false (and says why on stderr) on failure.
bool readFile(const std::string& path, std::string& out);

}  // namespace seiche::cli
