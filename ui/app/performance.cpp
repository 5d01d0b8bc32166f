#include "app/performance.hpp"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextBlock>
#include <algorithm>

#include "app/session_keeper.hpp"
#include "editor/code_editor.hpp"
#include "editor/editor_tabs.hpp"
#include "engine/engine_bridge.hpp"
#include "panels/channel_strip.hpp"
#include "panels/console_panel.hpp"
#include "panels/level_meter.hpp"
#include "panels/scope_view.hpp"
#include "panels/transport_bar.hpp"

namespace seiche::ui {

namespace {

constexpr size_t kRememberedEvaluations = 64;  // older ones no longer sound

// A position in evaluated code (1-based line and column within it) as a document position.
// Columns count code points; the document counts UTF-16 units (an emoji is two).
int documentPosition(const QTextDocument& document, int firstLine, const lang::Position& at) {
    const QTextBlock block = document.findBlockByNumber(firstLine - 1 + at.line - 1);
    if (!block.isValid()) return std::max(0, document.characterCount() - 1);
    const QString text = block.text();
    int unit = 0;
    for (int point = 1; point < at.col && unit < text.size(); ++point)
        unit += text[unit].isHighSurrogate() && unit + 1 < text.size() ? 2 : 1;
    return block.position() + std::min(unit, static_cast<int>(text.size()));
}

QString cycleText(double cycle) { return QString::number(cycle, 'f', 3); }

}  // namespace

Performance::Performance(EngineBridge& engine, EditorTabs& tabs, ConsolePanel& console, TransportBar& transport,
                         ChannelStrip& channels, QObject* parent)
    : QObject(parent), engine_(engine), tabs_(tabs), console_(console), transport_(transport), channels_(channels) {
    frame_.setInterval(16);  // about 60 frames a second
    frame_.setTimerType(Qt::PreciseTimer);
    connect(&frame_, &QTimer::timeout, this, &Performance::tick);
    played_.reserve(4096);
}

bool Performance::evaluate(EvaluationScope scope) { return evaluateIn(tabs_.current(), scope); }

bool Performance::evaluateIn(CodeEditor* editor, EvaluationScope scope) {
    if (!editor) return false;
    const EvaluationRegion region = evaluationRegion(*editor->document(), editor->textCursor().position(), scope);
    if (region.empty()) return true;
    const EvaluationOutcome outcome = engine_.evaluate(region.code.toStdString());
    const TransportSnapshot now = engine_.snapshot();
    editor->flash(region.start, region.end, !outcome.ok);
    if (keeper_) keeper_->recordEvaluation(tabs_.idOf(editor), region, scopeName(scope), outcome, now);
    if (!outcome.ok) {
        const int position = documentPosition(*editor->document(), region.firstLine, outcome.error.at);
        const QString message = QString::fromStdString(outcome.error.message);
        editor->showError(position, message);
        // Positions in the console are the buffer's, not the block's.
        lang::Position at = outcome.error.at;
        at.line += region.firstLine - 1;
        console_.post(ConsolePanel::Kind::Error, QStringLiteral("%1 %2: %3 (the music plays on)")
                                                     .arg(tabs_.tabText(tabs_.indexOf(editor)), QString::fromStdString(at.str()), message));
        Q_EMIT evaluated(false, scopeName(scope));
        return false;
    }
    editor->clearError();
    remember(outcome.tag, editor, region.firstLine, *outcome.sources, region.code);
    QStringList what;
    for (int c : outcome.channels) what << QStringLiteral("d%1").arg(c);
    if (outcome.hushed) what << QStringLiteral("hush");
    console_.post(ConsolePanel::Kind::Evaluation,
                  QStringLiteral("%1 lines %2–%3%4 at cycle %5")
                      .arg(scopeName(scope))
                      .arg(region.firstLine)
                      .arg(region.firstLine + static_cast<int>(region.code.count(QLatin1Char('\n'))))
                      .arg(what.isEmpty() ? QString() : QStringLiteral(" → ") + what.join(QStringLiteral(", ")))
                      .arg(cycleText(now.cycle)));
    Q_EMIT evaluated(true, scopeName(scope));
    return true;
}

bool Performance::evaluateCode(const QString& code, const QString& scope) {
    const EvaluationOutcome outcome = engine_.evaluate(code.toStdString());
    EvaluationRegion region;
    region.code = code;
    // Code that stands in a buffer (restored code does) lights up there as it plays.
    CodeEditor* home = nullptr;
    for (auto* editor : tabs_.editors()) {
        const int at = static_cast<int>(editor->toPlainText().indexOf(code));
        if (at >= 0 && !code.trimmed().isEmpty()) {
            home = editor;
            region.firstLine = editor->document()->findBlock(at).blockNumber() + 1;
            break;
        }
    }
    if (keeper_) keeper_->recordEvaluation(home ? tabs_.idOf(home) : QString(), region, scope, outcome, engine_.snapshot());
    if (!outcome.ok) {
        console_.post(ConsolePanel::Kind::Error,
                      QStringLiteral("%1: %2").arg(scope, QString::fromStdString(outcome.error.str())));
        return false;
    }
    if (home) remember(outcome.tag, home, region.firstLine, *outcome.sources, code);
    return true;
}

void Performance::reportProblems() {
    // Said once each: a sound name nobody has, a pattern that could not be queried.
    const audio::SchedulerStats stats = engine_.schedulerStats();
    for (const auto& [name, events] : stats.unknownSounds)
        if (!reportedSounds_.contains(QString::fromStdString(name))) {
            reportedSounds_.insert(QString::fromStdString(name));
            console_.post(ConsolePanel::Kind::Error, tr("no sound called '%1' (not loaded, or a typo): its events are silent")
                                                         .arg(QString::fromStdString(name)));
        }
    // The journal keeps trying by itself; the performer should know while it cannot write.
    if (const QString journal = keeper_ ? keeper_->lastError() : QString(); journal != reportedJournalError_) {
        if (!journal.isEmpty())
            console_.post(ConsolePanel::Kind::Error,
                          tr("the journal cannot write (%1): your work is kept in memory and it keeps trying").arg(journal));
        else
            console_.post(ConsolePanel::Kind::Info, tr("the journal writes again"));
        reportedJournalError_ = journal;
    }
    if (stats.queryErrors > reportedQueryErrors_) {
        console_.post(ConsolePanel::Kind::Error,
                      tr("a pattern failed while playing and was silenced until it is evaluated again"));
        reportedQueryErrors_ = stats.queryErrors;
    }
}

void Performance::hush() {
    engine_.hush();
    console_.post(ConsolePanel::Kind::Evaluation, tr("hush"));
    if (keeper_) keeper_->recordTransport(QStringLiteral("hush"), engine_.snapshot());
}

void Performance::audition(const QString& example) {
    // `d1 $ …` → `once $ …`: one cycle of the example over whatever is playing.
    QString code = example;
    code.replace(QRegularExpression(QStringLiteral("^\\s*d\\d+\\s*\\$")), QStringLiteral("once $"));
    if (!code.trimmed().startsWith(QLatin1String("once"))) code = QStringLiteral("once $ ") + code;
    if (evaluateCode(code, QStringLiteral("audition")))
        console_.post(ConsolePanel::Kind::Evaluation, tr("heard once: %1").arg(code));
}

void Performance::setCps(double cps) {
    engine_.setCps(cps);
    if (keeper_) keeper_->recordTransport(QStringLiteral("setcps"), engine_.snapshot());
}

void Performance::remember(uint64_t tag, CodeEditor* editor, int firstLine, const lang::SourceMap& sources,
                           const QString& code) {
    EvaluatedSource& source = sources_[tag];
    source.editor = editor;
    source.atoms.reserve(sources.entries.size());
    QTextDocument& document = *editor->document();
    // The source map counts bytes of UTF-8; the document counts UTF-16 units.
    const QByteArray utf8 = code.toUtf8();
    for (const auto& entry : sources.entries) {
        QTextCursor cursor(&document);
        if (entry.length > 0 && entry.at.offset + entry.length <= static_cast<size_t>(utf8.size())) {
            const int start = documentPosition(document, firstLine, entry.at);
            const auto length = QString::fromUtf8(utf8.constData() + entry.at.offset, static_cast<qsizetype>(entry.length)).size();
            cursor.setPosition(start);
            cursor.setPosition(std::min(start + static_cast<int>(length), document.characterCount() - 1), QTextCursor::KeepAnchor);
        }
        source.atoms.push_back(cursor);
    }
    while (sources_.size() > kRememberedEvaluations) sources_.erase(sources_.begin());
}

void Performance::showActive(int64_t frame) {
    played_.clear();
    engine_.playedBetween(lastFrame_ < frame ? lastFrame_ : frame, frame + 1, played_);
    std::map<CodeEditor*, std::vector<std::pair<int, int>>> ranges;
    for (auto* editor : tabs_.editors()) ranges[editor];  // every editor is told, so stale marks clear
    for (const auto& event : played_) {
        if (event.frame >= lastFrame_ && event.frame <= frame) channels_.pulse(event.channel);
        if (!heard_ && event.frame <= frame) {
            heard_ = true;
            Q_EMIT firstSound();
        }
        if (event.frame > frame || event.endFrame <= frame) continue;  // only what sounds now is lit
        auto it = sources_.find(event.tag);
        if (it == sources_.end() || !it->second.editor) continue;
        auto& list = ranges[it->second.editor.data()];
        for (uint32_t id : {event.refs.a, event.refs.b}) {
            if (id == 0 || id >= it->second.atoms.size()) continue;
            const QTextCursor& c = it->second.atoms[id];
            if (c.hasSelection()) list.emplace_back(c.selectionStart(), c.selectionEnd());
        }
    }
    for (auto& [editor, list] : ranges) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        highlighted_ += static_cast<int64_t>(list.size());
        editor->setActiveRanges(std::move(list));
    }
}

void Performance::tick() {
    const TransportSnapshot now = engine_.snapshot();
    TransportView view;
    const auto playing = engine_.playingChannels();
    view.playing = !playing.empty();
    view.onDevice = now.onDevice;
    view.device = QString::fromStdString(now.deviceName);
    view.cycle = now.cycle;
    view.cps = now.cps;
    view.latencyMs = now.outputLatencyMs;
    view.xruns = now.stats.xruns;
    view.voices = now.activeVoices;
    transport_.show(view);
    const auto meter = engine_.takeMeter();
    transport_.meter()->setPeaks(meter.peakLeft, meter.peakRight);
    transport_.scope()->setCount(engine_.scope(transport_.scope()->buffer(), ScopeView::kSamples));
    for (int c = 1; c <= 16; ++c) {
        channels_.setAssigned(c, !engine_.channelCode()[c - 1].empty());
        channels_.setSwitches(c, engine_.muted(c), engine_.soloed(c));
    }
    channels_.tick();
    showActive(now.frame);
    lastFrame_ = now.frame;
    showRecording(now);
    if (++ticks_ % 60 == 0) reportProblems();
}

QString Performance::recordingFolder() const {
    QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (music.isEmpty()) music = QDir::homePath();
    return music + QStringLiteral("/seiche");
}

QString Performance::startRecording(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    const std::string why = engine_.startRecording(path.toStdString());
    if (!why.empty()) {
        const QString message = tr("Recording failed: %1").arg(QString::fromStdString(why));
        console_.post(ConsolePanel::Kind::Error, message);
        transport_.setRecording(false, message, true);
        return QString::fromStdString(why);
    }
    recording_ = true;
    recordingPath_ = path;
    console_.post(ConsolePanel::Kind::Info, tr("Recording to %1").arg(path));
    const TransportSnapshot now = engine_.snapshot();
    if (keeper_) keeper_->recordTransport(QStringLiteral("record ") + path, now);
    showRecording(now);
    return {};
}

void Performance::stopRecording() {
    if (!recording_) return;
    engine_.stopRecording();
    const auto status = engine_.recordingStatus();
    const TransportSnapshot now = engine_.snapshot();
    recording_ = false;
    console_.post(ConsolePanel::Kind::Info, tr("Recording saved: %1 (%2 s)")
                                                .arg(recordingPath_)
                                                .arg(now.sampleRate > 0 ? status.frames / now.sampleRate : 0.0, 0, 'f', 1));
    transport_.setRecording(false, QFileInfo(recordingPath_).fileName(), false);
    if (keeper_) keeper_->recordTransport(QStringLiteral("record-stop"), now);
}

void Performance::showRecording(const TransportSnapshot& now) {
    if (!recording_) return;
    const auto status = engine_.recordingStatus();
    if (!status.active && !status.failed) {
        // The engine ended it (a restart for a new sample rate): the file is finished.
        recording_ = false;
        const QString message = tr("Recording ended when the engine restarted: %1").arg(recordingPath_);
        console_.post(ConsolePanel::Kind::Info, message);
        transport_.setRecording(false, message, false);
        return;
    }
    if (status.failed) {
        // Said at once, in red, where the performer is looking: never a silent file found later.
        recording_ = false;
        const QString message = tr("Recording stopped: %1").arg(QString::fromStdString(status.error));
        console_.post(ConsolePanel::Kind::Error, message);
        transport_.setRecording(false, message, true);
        if (keeper_) keeper_->recordTransport(QStringLiteral("record-failed"), now);
        return;
    }
    const double rate = now.sampleRate;
    const int seconds = rate > 0 ? static_cast<int>(status.frames / rate) : 0;
    transport_.setRecording(true, QStringLiteral("%1:%2 %3")
                                      .arg(seconds / 60)
                                      .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                                      .arg(QFileInfo(recordingPath_).fileName()),
                            false);
}

}  // namespace seiche::ui
