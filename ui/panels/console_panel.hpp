#pragma once
// What happened, in words: evaluations, errors with their positions, device and
// sample-loading messages. Bounded, so a long performance never grows it forever.
#include <QPlainTextEdit>

#include "settings/theme.hpp"

namespace seiche::ui {

class ConsolePanel : public QPlainTextEdit {
    Q_OBJECT
public:
    enum class Kind { Info, Evaluation, Error };
    explicit ConsolePanel(QWidget* parent = nullptr);
    void post(Kind kind, const QString& text);
    void setTheme(const Theme& theme);
    QString lastLine() const { return last_; }

private:
    Theme theme_;
    QString last_;
};

}  // namespace seiche::ui
