#pragma once
// The window: builds the panels, docks them and puts the commands in menus. No
// logic of its own; Stage runs everything.
#include <QMainWindow>

#include "app/stage.hpp"

namespace seiche::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    Stage& stage() { return stage_; }
    const Panels& panels() const { return panels_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QDockWidget* dock(const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area);
    void buildMenus();

    Stage stage_;
    Panels panels_;
};

}  // namespace seiche::ui
