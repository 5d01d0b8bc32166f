// seiche-cli labels and models, run as a user would, against real database files.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

#include "store_test_support.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;

const std::string kSamples = "/usr/share/sonic-pi/samples/";

struct Run {
    int status = -1;
    std::string out, err;
};

std::string quoted(const std::string& s) { return "'" + s + "'"; }

Run cli(const std::string& arguments, const TempDir& dir, const std::string& environment = "") {
    const auto errFile = dir / "stderr.txt";
    const std::string command = environment + " " + std::string(SEICHE_CLI) + " " + arguments + " 2>" + quoted(errFile.string());
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(errFile);
    std::stringstream text;
    text << err.rdbuf();
    run.err = text.str();
    return run;
}

std::string lines(const std::string& text) { return std::to_string(std::count(text.begin(), text.end(), '\n')); }

class StoreCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(std::filesystem::exists(kSamples + "bd_haus.flac")) << "install sonic-pi-samples (scripts/test does)";
        db = " --db " + quoted((dir / "seiche.db").string());
    }
    TempDir dir;
    std::string db;
};

TEST_F(StoreCli, AddListExportImportAndTrainFromTheExport) {
    auto good = cli("labels add" + db + " --dataset beats --label good " + kSamples + "bd_haus.flac " + kSamples +
                        "sn_dub.flac " + kSamples + "elec_tick.flac",
                    dir);
    ASSERT_EQ(good.status, 0) << good.err;
    auto bad = cli("labels add" + db + " --dataset beats --label bad --retrain --json " + kSamples + "ambi_drone.flac " +
                       kSamples + "guit_em9.flac",
                   dir);
    ASSERT_EQ(bad.status, 0) << bad.err;
    auto report = nlohmann::json::parse(bad.out);
    EXPECT_EQ(report["examples"], 5);
    EXPECT_EQ(report["labels"]["good"], 3);
    EXPECT_EQ(report["model"]["name"], "beats");

    auto list = cli("labels list" + db + " --dataset beats --json", dir);
    ASSERT_EQ(list.status, 0) << list.err;
    auto examples = nlohmann::json::parse(list.out);
    ASSERT_EQ(examples.size(), 5u);
    EXPECT_EQ(examples[0]["sound"], kSamples + "bd_haus.flac");
    EXPECT_EQ(examples[3]["label"], "bad");

    const auto csv = (dir / "beats.csv").string();
    auto exported = cli("labels export" + db + " --dataset beats --out " + quoted(csv), dir);
    ASSERT_EQ(exported.status, 0) << exported.err;
    std::ifstream in(csv);
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header.rfind("id,label,mfcc_mean_0,", 0), 0u) << header;

    // The export is a data CSV: train reads it, and import puts the same rows in another dataset.
    auto trained = cli("train --data " + quoted(csv) + " --out " + quoted((dir / "m.json").string()), dir);
    EXPECT_EQ(trained.status, 0) << trained.err;
    auto imported = cli("labels import" + db + " --dataset copy --data " + quoted(csv), dir);
    ASSERT_EQ(imported.status, 0) << imported.err;
    auto again = cli("labels export" + db + " --dataset copy --out " + quoted((dir / "copy.csv").string()), dir);
    ASSERT_EQ(again.status, 0);
    std::ifstream a(csv), b(dir / "copy.csv");
    std::stringstream ta, tb;
    ta << a.rdbuf();
    tb << b.rdbuf();
    EXPECT_EQ(ta.str(), tb.str());  // features survive the round trip bit for bit (%.17g)

    auto removed = cli("labels remove" + db + " --dataset beats " + kSamples + "sn_dub.flac", dir);
    ASSERT_EQ(removed.status, 0) << removed.err;
    auto datasets = nlohmann::json::parse(cli("labels list --json" + db, dir).out);
    ASSERT_EQ(datasets.size(), 2u);
    EXPECT_EQ(datasets[0]["name"], "beats");
    EXPECT_EQ(datasets[0]["examples"], 4);
}

// A dataset that went through the store trains the same model as its CSV does directly.
TEST_F(StoreCli, RetrainingFromTheStoreEqualsTrainingFromTheCsv) {
    const auto repository = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
    const std::string csv = (repository / "datasets/mirlca-2021/training.csv").string();
    ASSERT_TRUE(std::filesystem::exists(csv)) << csv;
    auto imported = cli("labels import" + db + " --dataset mirlca --data " + quoted(csv) + " --retrain --seed 3 --json", dir);
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(nlohmann::json::parse(imported.out)["model"]["warmStarted"], false);
    const auto fromStore = (dir / "store.json").string(), direct = (dir / "direct.json").string();
    ASSERT_EQ(cli("models export mirlca" + db + " --out " + quoted(fromStore), dir).status, 0);
    ASSERT_EQ(cli("train --data " + quoted(csv) + " --seed 3 --name mirlca --out " + quoted(direct), dir).status, 0);
    // One line per row: id, predicted label, scores; the model's own name left out.
    auto classify = [&](const std::string& model) {
        auto run = cli("classify --json --model " + quoted(model) + " --data " + quoted(csv), dir);
        EXPECT_EQ(run.status, 0) << run.err;
        std::vector<std::string> rows;
        const auto parsed = nlohmann::json::parse(run.out);
        for (const auto& row : parsed["results"])
            rows.push_back(row["id"].dump() + " " + row["predictions"].begin().value().dump());
        return rows;
    };
    const auto a = classify(fromStore), b = classify(direct);
    ASSERT_EQ(a.size(), 100u);
    for (size_t r = 0; r < a.size(); ++r) ASSERT_EQ(a[r], b[r]) << "row " << r;

    // The next label warm-starts from the stored model.
    auto more = cli("labels add" + db + " --dataset mirlca --label good --retrain --json " + kSamples + "bd_haus.flac", dir);
    EXPECT_EQ(more.status, 1);  // MIRLCa's 13 columns are not the extractor's 26
    EXPECT_NE(more.err.find("holds imported/13 columns"), std::string::npos) << more.err;
    auto relabel = cli("labels import" + db + " --dataset mirlca --data " + quoted(csv) + " --retrain --seed 3 --json", dir);
    ASSERT_EQ(relabel.status, 0) << relabel.err;
    EXPECT_EQ(nlohmann::json::parse(relabel.out)["model"]["warmStarted"], true);
}

TEST_F(StoreCli, ImportResolvesRelativePathsFromTheCsvsDirectory) {
    std::filesystem::create_directories(dir / "labels");
    std::filesystem::copy_file(kSamples + "bd_haus.flac", dir / "labels/kick.flac");
    std::filesystem::copy_file(kSamples + "ambi_drone.flac", dir / "labels/drone.flac");
    testing::writeFile(dir / "labels/hits.csv", "path,label\nkick.flac,good\ndrone.flac,bad\n");
    auto imported = cli("labels import" + db + " --dataset hits --data " + quoted((dir / "labels/hits.csv").string()), dir);
    ASSERT_EQ(imported.status, 0) << imported.err;
    auto examples = nlohmann::json::parse(cli("labels list --json --dataset hits" + db, dir).out);
    ASSERT_EQ(examples.size(), 2u);
    EXPECT_EQ(examples[0]["sound"], (dir / "labels/kick.flac").string());
}

TEST_F(StoreCli, OneMissingFileAddsNothing) {
    auto add = cli("labels add" + db + " --dataset beats --label good " + kSamples + "bd_haus.flac " +
                       quoted((dir / "missing.wav").string()),
                   dir);
    EXPECT_EQ(add.status, 1);
    EXPECT_NE(add.err.find("missing.wav: no such sound file"), std::string::npos) << add.err;
    EXPECT_EQ(lines(add.err), "1");
    EXPECT_EQ(cli("labels list --json" + db, dir).out, "[]\n");
}

TEST_F(StoreCli, RetrainingOneLabelSaysTheLabelsWereKept) {
    auto add = cli("labels add" + db + " --dataset d --label good --retrain " + kSamples + "bd_haus.flac", dir);
    EXPECT_EQ(add.status, 1);
    EXPECT_NE(add.err.find("the labels are stored, but"), std::string::npos) << add.err;
    EXPECT_EQ(lines(add.err), "1");
    EXPECT_EQ(nlohmann::json::parse(cli("labels list --json" + db, dir).out)[0]["examples"], 1);
    EXPECT_EQ(cli("models list" + db, dir).out, "");
}

TEST_F(StoreCli, ModelsExportImportListRemove) {
    ASSERT_EQ(cli("labels add" + db + " --dataset d --label good " + kSamples + "bd_haus.flac " + kSamples + "sn_dub.flac", dir).status, 0);
    ASSERT_EQ(cli("labels add" + db + " --dataset d --label bad --retrain --model taste " + kSamples + "ambi_drone.flac", dir).status, 0);
    const auto file = (dir / "taste.json").string();
    ASSERT_EQ(cli("models export taste" + db + " --out " + quoted(file), dir).status, 0);
    auto imported = cli("models import " + quoted(file) + " --name other" + db, dir);
    ASSERT_EQ(imported.status, 0) << imported.err;
    auto list = nlohmann::json::parse(cli("models list --json" + db, dir).out);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["name"], "other");
    EXPECT_EQ(list[1]["dataset"], "d");
    // The stored model is the model file: classify reads the export.
    auto classified = cli("classify --model " + quoted(file) + " " + kSamples + "bd_klub.flac", dir);
    EXPECT_EQ(classified.status, 0) << classified.err;
    ASSERT_EQ(cli("models remove other" + db, dir).status, 0);
    auto gone = cli("models remove other" + db, dir);
    EXPECT_EQ(gone.status, 1);
    EXPECT_NE(gone.err.find("no model named 'other'"), std::string::npos) << gone.err;

    testing::writeFile(dir / "bad.json", "{\"format\": \"something else\"}");
    auto bad = cli("models import " + quoted((dir / "bad.json").string()) + db, dir);
    EXPECT_EQ(bad.status, 1);
    EXPECT_EQ(lines(bad.err), "1");
}

TEST_F(StoreCli, BadDatabasesAndArgumentsGiveOneLineReasons) {
    testing::writeFile(dir / "garbage.db", std::string(4096, 'x'));
    auto corrupt = cli("labels list --db " + quoted((dir / "garbage.db").string()), dir);
    EXPECT_EQ(corrupt.status, 1);
    EXPECT_NE(corrupt.err.find("not a Seiche database"), std::string::npos) << corrupt.err;
    EXPECT_EQ(lines(corrupt.err), "1");

    // A mistyped --db for a verb that only reads says so and creates nothing.
    for (const char* verb : {"labels list", "labels export --dataset d --out x.csv", "models list"}) {
        const auto missing = dir / "typo" / "seiche.db";
        auto result = cli(std::string(verb) + " --db " + quoted(missing.string()), dir);
        EXPECT_EQ(result.status, 1) << verb;
        EXPECT_NE(result.err.find("no database at"), std::string::npos) << verb << ": " << result.err;
        EXPECT_FALSE(std::filesystem::exists(missing.parent_path())) << verb;
    }

    EXPECT_EQ(cli("labels", dir).status, 2);
    EXPECT_EQ(cli("labels frobnicate", dir).status, 2);
    EXPECT_EQ(cli("labels add" + db + " --dataset d", dir).status, 2);
    EXPECT_EQ(cli("labels list --bogus" + db, dir).status, 2);
    EXPECT_EQ(cli("models export" + db, dir).status, 2);
    EXPECT_EQ(cli("labels list stray" + db, dir).status, 2);
    EXPECT_EQ(cli("labels --help", dir).status, 0);
    EXPECT_EQ(cli("models --help", dir).status, 0);
}

TEST_F(StoreCli, DefaultDatabaseLivesInSeicheDataDir) {
    const auto data = dir / "data/nested";
    auto add = cli("labels add --dataset d --label good " + kSamples + "bd_haus.flac", dir,
                   "SEICHE_DATA_DIR=" + quoted(data.string()));
    ASSERT_EQ(add.status, 0) << add.err;
    EXPECT_TRUE(std::filesystem::exists(data / "seiche.db"));
    auto list = cli("labels list --json", dir, "SEICHE_DATA_DIR=" + quoted(data.string()));
    EXPECT_EQ(nlohmann::json::parse(list.out)[0]["examples"], 1);
}

}  // namespace
}  // namespace seiche::session
