// How folders on disk become sound names: Dirt-Samples layout, loose files named by
// their stem (sonic-pi-samples), sorting, what is ignored; and where SuperDirt's
// Dirt-Samples and Debian's sonic-pi-samples are looked for.
#include <gtest/gtest.h>

#include "audio/sound_folders.hpp"
#include "samples_test_support.hpp"

using namespace seiche::audio;
using namespace seiche::audio::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> fileNames(const SoundFiles& sound) {
    std::vector<std::string> names;
    for (const auto& f : sound.files) names.push_back(f.filename().string());
    return names;
}

const SoundFiles* soundNamed(const SoundFolderScan& scan, const std::string& name) {
    for (const auto& s : scan.sounds)
        if (s.name == name) return &s;
    return nullptr;
}

}  // namespace

TEST(SamplesFolders, DirtSamplesLayoutAndLooseFiles) {
    TempDir root;
    // Created out of order on purpose: the scan must sort.
    for (const char* f : {"bd/BT0AADA.wav", "bd/BT0A0A7.wav", "bd/BT0A0DA.wav", "sn/ST0T0S0.WAV", "sn/ST0T0S3.flac",
                          "bd_haus.flac", "ambi_choir.flac", "loop.ogg", "loop.aiff"})
        writeBytes(root / f, "x");
    // Things that are not sounds.
    writeBytes(root / "README.md", "Dirt-Samples");
    writeBytes(root / "bd/notes.txt", "x");
    writeBytes(root / "bd/._BT0A0A7.wav", "AppleDouble");
    writeBytes(root / ".hidden/a.wav", "x");
    writeBytes(root / "cover.jpg", "x");
    fs::create_directories(root / "empty");
    fs::create_directories(root / "nested/deeper");
    writeBytes(root / "nested/deeper/a.wav", "x");  // only one level deep, as SuperDirt

    const auto scan = scanSoundFolder(root.path());
    EXPECT_TRUE(scan.messages.empty());
    std::vector<std::string> names;
    for (const auto& s : scan.sounds) names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::string>{"ambi_choir", "bd", "bd_haus", "loop", "sn"}));
    EXPECT_EQ(fileNames(*soundNamed(scan, "bd")), (std::vector<std::string>{"BT0A0A7.wav", "BT0A0DA.wav", "BT0AADA.wav"}));
    EXPECT_EQ(fileNames(*soundNamed(scan, "sn")), (std::vector<std::string>{"ST0T0S0.WAV", "ST0T0S3.flac"}));
    EXPECT_EQ(fileNames(*soundNamed(scan, "loop")), (std::vector<std::string>{"loop.aiff", "loop.ogg"}));
    EXPECT_EQ(soundNamed(scan, "bd_haus")->files.at(0), root / "bd_haus.flac");
    EXPECT_EQ(scan.fileCount(), 9u);
}

TEST(SamplesFolders, AFolderAndLooseFilesOfTheSameNameMergeFolderFirst) {
    TempDir root;
    writeBytes(root / "hh/b.wav", "x");
    writeBytes(root / "hh/a.wav", "x");
    writeBytes(root / "hh.wav", "x");
    const auto scan = scanSoundFolder(root.path());
    ASSERT_EQ(scan.sounds.size(), 1u);
    EXPECT_EQ(fileNames(scan.sounds[0]), (std::vector<std::string>{"a.wav", "b.wav", "hh.wav"}));
}

TEST(SamplesFolders, AMissingRootIsAMessageNotACrash) {
    TempDir root;
    const auto scan = scanSoundFolder(root / "nowhere");
    EXPECT_TRUE(scan.sounds.empty());
    ASSERT_EQ(scan.messages.size(), 1u);
    EXPECT_EQ(scan.messages[0].path, (root / "nowhere").string());
    EXPECT_EQ(scan.messages[0].kind, SampleMessage::Kind::Skipped);

    writeBytes(root / "file.wav", "x");
    EXPECT_FALSE(scanSoundFolder(root / "file.wav").messages.empty());
}

TEST(SamplesFolders, ExtensionsComeFromLibsndfile) {
    for (const char* f : {"a.wav", "a.WAV", "a.aif", "a.aiff", "a.aifc", "a.flac", "a.ogg", "a.opus", "a.mp3", "a.caf", "a.w64"})
        EXPECT_TRUE(isAudioFileName(f)) << f;
    for (const char* f : {"a.txt", "a.md", "a.raw", "a.jpg", "wav", "a.", ".wav"}) EXPECT_FALSE(isAudioFileName(f)) << f;
}

TEST(SamplesFolders, DirtSamplesIsLookedForWhereSuperDirtPutsIt) {
    SoundFolderEnvironment env{"/home/p", "", ""};
    const auto candidates = dirtSamplesCandidates(env);
    EXPECT_NE(std::find(candidates.begin(), candidates.end(),
                        fs::path("/home/p/.local/share/SuperCollider/downloaded-quarks/Dirt-Samples")),
              candidates.end());
    EXPECT_NE(std::find(candidates.begin(), candidates.end(),
                        fs::path("/home/p/Library/Application Support/SuperCollider/downloaded-quarks/Dirt-Samples")),
              candidates.end());

    TempDir home;
    env = SoundFolderEnvironment{home.path(), home / ".local/share", ""};  // XDG_DATA_HOME = the default: found once
    EXPECT_TRUE(findDirtSamples(env).empty());
    const auto linuxPath = home / ".local/share/SuperCollider/downloaded-quarks/Dirt-Samples";
    const auto mac = home / "Library/Application Support/SuperCollider/downloaded-quarks/Dirt-Samples";
    fs::create_directories(linuxPath);
    fs::create_directories(mac);
    EXPECT_EQ(findDirtSamples(env), (std::vector<fs::path>{linuxPath, mac}));
}

TEST(SamplesFolders, SonicPiSamplesIsFoundWhenInstalled) {
    TempDir dir;
    EXPECT_FALSE(findSonicPiSamples({dir / "absent"}));
    EXPECT_EQ(findSonicPiSamples({dir / "absent", dir.path()}), dir.path());
    const auto defaults = sonicPiSamplesCandidates();
    EXPECT_EQ(defaults.at(0), fs::path("/usr/share/sonic-pi/samples"));
}
