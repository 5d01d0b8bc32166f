#include "analysis/train_option_flags.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace seiche::analysis {

const char* const kTrainOptionsHelp =
    "  --hidden N[,N…]      hidden ReLU layer sizes (default 14)\n"
    "  --pca K              principal components kept (default 20; capped at the number\n"
    "                       of features and at examples − 1)\n"
    "  --seed S             random seed for weights and splits (default 1)\n"
    "  --l2 A               L2 penalty, scaled by 1/examples (default 3)\n"
    "  --learning-rate R    Adam step size (default 0.01)\n"
    "  --epochs N           most full-batch epochs (default 1500)\n"
    "  --patience N         epochs without improvement before stopping (default 60)\n"
    "  --validation F       share held out for early stopping (default 0.15; used from\n"
    "                       200 examples up; 0 to train on everything)\n";

namespace {

bool parseReal(const std::string& text, double& out) {
    char* end = nullptr;
    errno = 0;
    out = std::strtod(text.c_str(), &end);
    return !text.empty() && end && *end == '\0' && errno != ERANGE && std::isfinite(out);
}

bool parseCount(const std::string& text, double low, double high, double& out) {
    return parseReal(text, out) && out == std::floor(out) && out >= low && out <= high;
}

}  // namespace

bool isTrainOptionFlag(const std::string& flag) {
    for (const char* known : {"--hidden", "--pca", "--seed", "--l2", "--learning-rate", "--epochs", "--patience", "--validation"})
        if (flag == known) return true;
    return false;
}

std::string setTrainOption(TrainOptions& o, const std::string& flag, const std::string& value) {
    double x = 0;
    const std::string refused = flag + ": '" + value + "' is not ";
    if (flag == "--hidden") {
        std::vector<int> sizes;
        std::stringstream parts(value);
        std::string part;
        while (std::getline(parts, part, ','))
            if (!parseCount(part, 1, 4096, x)) return refused + "a list of layer sizes like 14 or 32,16";
            else sizes.push_back(static_cast<int>(x));
        if (sizes.empty()) return refused + "a list of layer sizes like 14 or 32,16";
        o.hidden = sizes;
    } else if (flag == "--pca") {
        if (!parseCount(value, 1, 100000, x)) return refused + "a whole number of components ≥ 1";
        o.pcaComponents = static_cast<int>(x);
    } else if (flag == "--seed") {
        if (!parseCount(value, 0, 9007199254740992.0, x)) return refused + "a whole number ≥ 0";
        o.seed = static_cast<std::uint64_t>(x);
    } else if (flag == "--l2") {
        if (!parseReal(value, x) || x < 0) return refused + "a number ≥ 0";
        o.l2 = x;
    } else if (flag == "--learning-rate") {
        if (!parseReal(value, x) || x <= 0 || x > 10) return refused + "a step size in (0, 10]";
        o.learningRate = x;
    } else if (flag == "--epochs") {
        if (!parseCount(value, 1, 1e7, x)) return refused + "a whole number ≥ 1";
        o.maxEpochs = static_cast<int>(x);
    } else if (flag == "--patience") {
        if (!parseCount(value, 1, 1e7, x)) return refused + "a whole number ≥ 1";
        o.patience = static_cast<int>(x);
    } else if (flag == "--validation") {
        if (!parseReal(value, x) || x < 0 || x >= 1) return refused + "a share in [0, 1)";
        o.validationFraction = x;
    } else {
        return flag + ": not a training option";
    }
    return "";
}

}  // namespace seiche::analysis
