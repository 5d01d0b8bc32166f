#pragma once
// The strip across the top: is it playing, where in the cycle, how fast (cps and
// BPM, both editable), how loud (meter and scope), and the record button.
#include <QWidget>

#include <optional>

#include "settings/theme.hpp"

class QDoubleSpinBox;
class QLabel;
class QToolButton;

namespace seiche::ui {

class LevelMeter;
class ScopeView;

struct TransportView {
    bool playing = false;     // some channel has a pattern
    bool onDevice = false;
    QString device;
    double cycle = 0, cps = 0;
    double latencyMs = 0;
    uint64_t xruns = 0;
    int voices = 0;
};

class TransportBar : public QWidget {
    Q_OBJECT
public:
    explicit TransportBar(QWidget* parent = nullptr);
    void show(const TransportView& view);
    void setRecording(bool on, const QString& status, bool failed);
    void setTheme(const Theme& theme);
    LevelMeter* meter() const { return meter_; }
    ScopeView* scope() const { return scope_; }
    QToolButton* recordButton() const { return record_; }
    QString recordStatusText() const;  // whole, as its tooltip holds it

Q_SIGNALS:
    void cpsEdited(double cps);
    void hushClicked();
    void recordToggled(bool on);

private:
    QLabel* state_ = nullptr;
    QLabel* cycle_ = nullptr;
    QLabel* device_ = nullptr;
    QLabel* recordStatus_ = nullptr;
    QDoubleSpinBox* cps_ = nullptr;
    QDoubleSpinBox* bpm_ = nullptr;
    QToolButton* record_ = nullptr;
    LevelMeter* meter_ = nullptr;
    ScopeView* scope_ = nullptr;
    Theme theme_;
    std::optional<bool> onDevice_;
};

}  // namespace seiche::ui
