#include "app/session_keeper.hpp"

#include "app/performance.hpp"
#include "editor/code_editor.hpp"
#include "editor/editor_tabs.hpp"
#include "engine/engine_bridge.hpp"

namespace seiche::ui {

namespace {

session::JournalBuffer toJournal(const BufferSnapshot& s) {
    session::JournalBuffer b;
    b.id = s.id.toStdString();
    b.title = s.title.toStdString();
    b.path = s.path.toStdString();
    b.text = s.text.toStdString();
    b.cursor = s.cursor;
    b.order = s.order;
    return b;
}

}  // namespace

SessionKeeper::SessionKeeper(EditorTabs& tabs, const EngineBridge* engine, QObject* parent)
    : QObject(parent), tabs_(tabs), engine_(engine) {
    quiet_.setSingleShot(true);
    quiet_.setInterval(kQuietMs);
    connect(&quiet_, &QTimer::timeout, this, &SessionKeeper::writeDirty);
    connect(&tabs_, &EditorTabs::bufferEdited, this, &SessionKeeper::bufferEdited);
    connect(&tabs_, &EditorTabs::bufferClosed, this, [this](const QString& id) {
        dirty_.remove(id);
        if (journal_) journal_->closeBuffer(id.toStdString());
    });
    connect(&tabs_, &QTabWidget::tabBarClicked, this, [this] { snapshotAll(); });
}

SessionKeeper::~SessionKeeper() {
    if (journal_) {
        writeDirty();
        journal_->flush();
    }
}

QString SessionKeeper::open(const QString& databasePath) {
    auto journal = session::Journal::open(databasePath.toStdString(), SEICHE_VERSION);
    if (!journal) return QString::fromStdString(journal.error->message);
    journal_ = std::make_unique<session::Journal>(std::move(*journal));
    path_ = databasePath;
    return {};
}

std::optional<session::RestorePlan> SessionKeeper::unfinished() const {
    if (!journal_) return std::nullopt;
    auto plan = session::Journal::unfinished(path_.toStdString(), journal_->sessionId());
    if (!plan) return std::nullopt;
    return *plan;
}

void SessionKeeper::restore(const session::RestorePlan& plan, Performance& performance) {
    // The empty buffer the app starts with gives way to the restored ones.
    std::vector<CodeEditor*> blank;
    for (auto* editor : tabs_.editors())
        if (editor->toPlainText().isEmpty()) blank.push_back(editor);
    for (const auto& buffer : plan.buffers) {
        CodeEditor* editor = tabs_.newBuffer(QString::fromStdString(buffer.text), QString::fromStdString(buffer.title),
                                             QString::fromStdString(buffer.path));
        QTextCursor c = editor->textCursor();
        c.setPosition(std::clamp(buffer.cursor, 0, editor->document()->characterCount() - 1));
        editor->setTextCursor(c);
    }
    if (!plan.buffers.empty())
        for (auto* editor : blank) tabs_.closeBuffer(editor);
    for (const auto& code : plan.evaluations) performance.evaluateCode(QString::fromStdString(code), QStringLiteral("restore"));
    session::Journal::dismiss(path_.toStdString(), plan.sessionId);
    snapshotAll();
}

void SessionKeeper::decline(const session::RestorePlan& plan) { session::Journal::dismiss(path_.toStdString(), plan.sessionId); }

void SessionKeeper::bufferEdited(const QString& id) {
    if (dirty_.isEmpty()) firstDirty_.start();
    dirty_.insert(id);
    // Typing without a pause still reaches the disk every kMaxDelayMs.
    if (firstDirty_.elapsed() >= kMaxDelayMs) writeDirty();
    else quiet_.start();
}

void SessionKeeper::writeDirty() {
    quiet_.stop();
    if (!journal_) {
        dirty_.clear();
        return;
    }
    const session::EngineTime at = engineTime();
    for (const QString& id : std::as_const(dirty_))
        if (CodeEditor* editor = tabs_.editorFor(id)) journal_->recordBuffer(toJournal(tabs_.snapshot(editor)), at);
    dirty_.clear();
}

void SessionKeeper::snapshotAll() {
    for (auto* editor : tabs_.editors()) dirty_.insert(tabs_.idOf(editor));
    writeDirty();
}

void SessionKeeper::recordEvaluation(const QString& bufferId, const EvaluationRegion& region, const QString& scope,
                                     const EvaluationOutcome& outcome, const TransportSnapshot& now) {
    if (!journal_) return;
    writeDirty();  // the buffer as it was evaluated comes first
    session::JournalEvaluation e;
    e.bufferId = bufferId.toStdString();
    e.code = region.code.toStdString();
    e.firstLine = region.firstLine;
    e.scope = scope.toStdString();
    e.cps = now.cps;
    e.cycle = now.cycleExact;
    e.frame = now.frame;
    e.ok = outcome.ok;
    if (!outcome.ok) e.error = outcome.error.str();
    journal_->recordEvaluation(e);
}

void SessionKeeper::recordTransport(const QString& what, const TransportSnapshot& now) {
    if (journal_) journal_->recordTransport(what.toStdString(), now.cps, session::EngineTime{now.cycleExact, now.frame});
}

session::EngineTime SessionKeeper::engineTime() const {
    if (!engine_ || !engine_->started()) return {};
    const TransportSnapshot now = engine_->snapshot();
    return session::EngineTime{now.cycleExact, now.frame};
}

void SessionKeeper::flush() {
    writeDirty();
    if (journal_) journal_->flush();
}

void SessionKeeper::finish() {
    if (!journal_) return;
    writeDirty();
    journal_->finish();
    journal_->flush();
}

QString SessionKeeper::lastError() const { return journal_ ? QString::fromStdString(journal_->lastError()) : QString(); }

}  // namespace seiche::ui
