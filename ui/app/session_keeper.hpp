#pragma once
// Nothing the performer wrote is lost: every evaluation and, debounced, every
// edit goes to the session journal (src/session), which writes on its own thread;
// at start, a session that did not end cleanly is offered back — its buffers as
// they were and the channels that were playing.
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

#include "session/journal.hpp"

namespace seiche::ui {

class EditorTabs;
class EngineBridge;
class Performance;
struct EvaluationOutcome;
struct EvaluationRegion;
struct TransportSnapshot;

class SessionKeeper : public QObject {
    Q_OBJECT
public:
    static constexpr int kQuietMs = 250;   // a snapshot once typing pauses this long...
    static constexpr int kMaxDelayMs = 500;  // ...and at least this often while it goes on

    // `engine` (if given) stamps snapshots and transport events with the engine's clock,
    // so a replay can put every edit at its place in the music.
    explicit SessionKeeper(EditorTabs& tabs, const EngineBridge* engine = nullptr, QObject* parent = nullptr);
    ~SessionKeeper() override;

    // "" or why the journal cannot be kept (the app still plays; the performer is told).
    QString open(const QString& databasePath);
    bool isOpen() const { return journal_ != nullptr; }
    QString databasePath() const { return path_; }
    int64_t sessionId() const { return journal_ ? journal_->sessionId() : 0; }

    std::optional<session::RestorePlan> unfinished() const;
    // Brings the buffers back (replacing the empty start-up buffer) and evaluates
    // what was playing; the old session is then never offered again.
    void restore(const session::RestorePlan& plan, Performance& performance);
    void decline(const session::RestorePlan& plan);

    void recordEvaluation(const QString& bufferId, const EvaluationRegion& region, const QString& scope,
                          const EvaluationOutcome& outcome, const TransportSnapshot& now);
    void recordTransport(const QString& what, const TransportSnapshot& now);
    void snapshotAll();   // every buffer now
    void flush();         // waits until the journal is on disk (tests, exit)
    void finish();        // a clean exit: not offered for restore
    QString lastError() const;

private:
    void bufferEdited(const QString& id);
    void writeDirty();

    session::EngineTime engineTime() const;

    EditorTabs& tabs_;
    const EngineBridge* engine_ = nullptr;
    std::unique_ptr<session::Journal> journal_;
    QString path_;
    QSet<QString> dirty_;
    QTimer quiet_;
    QElapsedTimer firstDirty_;
};

}  // namespace seiche::ui
