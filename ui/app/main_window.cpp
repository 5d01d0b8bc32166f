#include "app/main_window.hpp"

#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QVBoxLayout>

#include "editor/editor_tabs.hpp"
#include "editor/find_bar.hpp"
#include "panels/channel_strip.hpp"
#include "panels/console_panel.hpp"
#include "panels/reference_panel.hpp"
#include "panels/transport_bar.hpp"

namespace seiche::ui {

namespace {

QLabel* placeholder(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(12);
    return label;
}

struct MenuEntry {
    const char* command;
    const char* title;
};

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Seiche"));
    setObjectName(QStringLiteral("main"));
    resize(1280, 800);
    panels_.window = this;
    panels_.tabs = new EditorTabs(stage_.vocabulary());
    panels_.find = new FindBar;
    panels_.transport = new TransportBar;
    panels_.console = new ConsolePanel;
    panels_.channels = new ChannelStrip;
    panels_.reference = new ReferencePanel(stage_.vocabulary());

    auto* centre = new QWidget;
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(panels_.transport);
    layout->addWidget(panels_.tabs, 1);
    layout->addWidget(panels_.find);
    setCentralWidget(centre);

    dock(tr("Channels"), QStringLiteral("channelsDock"), panels_.channels, Qt::RightDockWidgetArea);
    dock(tr("Console"), QStringLiteral("consoleDock"), panels_.console, Qt::BottomDockWidgetArea);
    panels_.referenceDock = dock(tr("Reference"), QStringLiteral("referenceDock"), panels_.reference, Qt::RightDockWidgetArea);
    panels_.referenceDock->hide();
    // Ready for the sound and AI panels that come next.
    dock(tr("Sounds"), QStringLiteral("soundsDock"), placeholder(tr("Sound search (Freesound and local folders) will live here.")),
         Qt::LeftDockWidgetArea)->hide();
    dock(tr("AI"), QStringLiteral("aiDock"), placeholder(tr("The AI co-performer will live here.")), Qt::LeftDockWidgetArea)->hide();

    stage_.attach(panels_);
    buildMenus();
}

QDockWidget* MainWindow::dock(const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setWidget(content);
    addDockWidget(area, d);
    return d;
}

void MainWindow::buildMenus() {
    const std::pair<const char*, std::vector<MenuEntry>> menus[] = {
        {"&File",
         {{"new-buffer", "New buffer"}, {"open", "Open…"}, {"save", "Save"}, {"save-as", "Save as…"}, {"close-buffer", "Close buffer"},
          {"record", "Record"}, {"settings", "Settings…"}}},
        {"&Edit", {{"toggle-comment", "Toggle comment"}, {"complete", "Complete"}, {"find", "Find"}, {"replace", "Replace"}}},
        {"&Run",
         {{"evaluate-block", "Evaluate block"}, {"evaluate-line", "Evaluate line"}, {"evaluate-buffer", "Evaluate buffer"},
          {"hush", "Hush"}}},
        {"&View",
         {{"zoom-in", "Zoom in"}, {"zoom-out", "Zoom out"}, {"zoom-reset", "Reset zoom"}, {"stage-mode", "Stage mode"},
          {"next-buffer", "Next buffer"}, {"previous-buffer", "Previous buffer"}, {"reference", "Reference"}}},
    };
    for (const auto& [title, entries] : menus) {
        QMenu* menu = menuBar()->addMenu(tr(title));
        menu->setObjectName(QString::fromLatin1(title + 1).toLower());
        for (const auto& entry : entries) {
            QAction* action = menu->addAction(tr(entry.title));
            const QString command = QString::fromLatin1(entry.command);
            action->setObjectName(command);
            action->setShortcuts(stage_.keymap().keysFor(command));
            connect(action, &QAction::triggered, &stage_, [this, command] { stage_.run(command); });
            addAction(action);  // its keys still work when stage mode hides the menu bar
        }
    }
    connect(&stage_, &Stage::keymapChanged, this, [this] {
        for (QMenu* menu : menuBar()->findChildren<QMenu*>())
            for (QAction* action : menu->actions())
                if (!action->objectName().isEmpty()) action->setShortcuts(stage_.keymap().keysFor(action->objectName()));
    });
    if (QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("view"))) {
        view->addSeparator();
        for (auto* d : findChildren<QDockWidget*>()) view->addAction(d->toggleViewAction());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!stage_.confirmQuit()) {
        event->ignore();
        return;
    }
    stage_.quit();
    event->accept();
}

}  // namespace seiche::ui
