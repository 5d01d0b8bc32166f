// seiche-cli: the headless front end. Each verb lives in its own file.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/verbs.hpp"

namespace {

void usage(FILE* out) {
    std::fputs(
        "usage: seiche-cli VERB [options]\n"
        "\n"
        "verbs:\n"
        "  query      list the events of Tidal code over a span of cycles\n"
        "  functions  list the functions and controls the language knows\n"
        "  bench      measure query speed on the benchmark patterns\n"
        "  render     render Tidal code to a WAV or FLAC file\n"
        "  play       play Tidal code on the audio device, then print statistics\n"
        "  devices    list the audio output devices\n"
        "  features   print the MFCC (and optional extra) features of sound files\n"
        "  train      train a taste classifier from a labelled data CSV\n"
        "  evaluate   measure a classifier on a held-out split or by cross-validation\n"
        "  classify   label sound files or a data CSV with a trained model\n"
        "  labels     labelled sounds in the session store: add, remove, list, export, import\n"
        "  models     trained models in the session store: list, export, import, remove\n"
        "  journal    the performance journal: sessions, evaluations, buffers, what to restore\n"
        "\n"
        "Run `seiche-cli VERB --help` for a verb's options.\n",
        out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    std::string verb = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (verb == "--help" || verb == "-h" || verb == "help") {
        usage(stdout);
        return 0;
    }
    if (verb == "--version") {
        std::puts("seiche-cli 0.1.0");
        return 0;
    }
    if (verb == "query") return seiche::cli::runQuery(args);
    if (verb == "functions") return seiche::cli::runFunctions(args);
    if (verb == "bench") return seiche::cli::runBench(args);
    if (verb == "render") return seiche::cli::runRender(args);
    if (verb == "play") return seiche::cli::runPlay(args);
    if (verb == "devices") return seiche::cli::runDevices(args);
    if (verb == "features") return seiche::cli::runFeatures(args);
    if (verb == "train") return seiche::cli::runTrain(args);
    if (verb == "evaluate") return seiche::cli::runEvaluate(args);
    if (verb == "classify") return seiche::cli::runClassify(args);
    if (verb == "labels") return seiche::cli::runLabels(args);
    if (verb == "models") return seiche::cli::runModels(args);
    if (verb == "journal") return seiche::cli::runJournal(args);
    std::fprintf(stderr, "seiche-cli: unknown verb '%s' (try --help)\n", verb.c_str());
    return 2;
}
