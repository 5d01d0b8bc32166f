#pragma once
// The performance loop between the panels and the engine: evaluation keys become
// programs for the engine, errors become marks in the editor and lines in the
// console, and once a frame what the engine reports (clock, levels, played events)
// becomes lights, meters and highlighted characters. Owns no widgets.
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTextCursor>
#include <QTimer>

#include <map>
#include <vector>

#include "audio/engine/scheduler.hpp"
#include "pattern/lang/program.hpp"
#include "editor/evaluation_region.hpp"

namespace seiche::ui {

class ChannelStrip;
class CodeEditor;
class ConsolePanel;
class EditorTabs;
class EngineBridge;
class SessionKeeper;
class TransportBar;
struct TransportSnapshot;

class Performance : public QObject {
    Q_OBJECT
public:
    Performance(EngineBridge& engine, EditorTabs& tabs, ConsolePanel& console, TransportBar& transport,
                ChannelStrip& channels, QObject* parent = nullptr);
    void setSessionKeeper(SessionKeeper* keeper) { keeper_ = keeper; }

    // Evaluates part of the current buffer; false when it had an error (nothing changed).
    bool evaluate(EvaluationScope scope);
    bool evaluateIn(CodeEditor* editor, EvaluationScope scope);
    bool evaluateCode(const QString& code, const QString& scope);  // from outside an editor (restore, audition)
    void hush();
    void audition(const QString& example);  // one cycle, as `once`: the channels play on
    void setCps(double cps);

    // Recording: "" or why not (shown at once).
    QString startRecording(const QString& path);
    void stopRecording();
    QString recordingFolder() const;

    void tick();  // once a frame (the frame timer calls it; tests may too)
    QTimer& frameTimer() { return frame_; }
    int64_t highlightedEvents() const { return highlighted_; }

Q_SIGNALS:
    void evaluated(bool ok, const QString& scope);
    void firstSound();  // the first event of the session has started sounding

private:
    struct EvaluatedSource {
        QPointer<CodeEditor> editor;
        std::vector<QTextCursor> atoms;  // by source id; cursors follow later edits
    };
    void remember(uint64_t tag, CodeEditor* editor, int firstLine, const lang::SourceMap& sources, const QString& code);
    void showActive(int64_t frame);
    void showRecording(const TransportSnapshot& now);
    void reportProblems();  // once a second: unknown sounds, failed patterns, journal writes

    EngineBridge& engine_;
    EditorTabs& tabs_;
    ConsolePanel& console_;
    TransportBar& transport_;
    ChannelStrip& channels_;
    SessionKeeper* keeper_ = nullptr;
    QTimer frame_;
    std::map<uint64_t, EvaluatedSource> sources_;
    std::vector<audio::PlayedEvent> played_;
    int64_t lastFrame_ = 0;
    int64_t highlighted_ = 0;
    bool recording_ = false;
    bool heard_ = false;
    uint64_t ticks_ = 0;
    QSet<QString> reportedSounds_;
    uint64_t reportedQueryErrors_ = 0;
    QString reportedJournalError_;
    QString recordingPath_;
};

}  // namespace seiche::ui
