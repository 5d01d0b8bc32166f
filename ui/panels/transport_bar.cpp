#include "panels/transport_bar.hpp"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <cmath>

#include "panels/level_meter.hpp"
#include "panels/scope_view.hpp"

namespace seiche::ui {

namespace {
// Tidal's convention: BPM counts four beats to the cycle.
constexpr double kBeatsPerCycle = 4;
}  // namespace

TransportBar::TransportBar(QWidget* parent) : QWidget(parent), theme_(loadTheme(QStringLiteral("dark"))) {
    setObjectName(QStringLiteral("transport"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    state_ = new QLabel(tr("■ stopped"), this);
    // Fixed sizes: labels whose text changes every frame must not ask the window to lay
    // itself out again every frame (that was a third of the GUI thread's time).
    state_->setFixedSize(90, 24);
    cycle_ = new QLabel(this);
    cycle_->setFixedSize(110, 24);
    cycle_->setToolTip(tr("Cycle (and position within it)"));
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    cycle_->setFont(mono);
    cps_ = new QDoubleSpinBox(this);
    cps_->setRange(0.01, 100);  // the engine's own bounds
    cps_->setDecimals(4);
    cps_->setSingleStep(0.0625);
    cps_->setPrefix(tr("cps "));
    cps_->setKeyboardTracking(false);
    bpm_ = new QDoubleSpinBox(this);
    bpm_->setRange(0.01 * 60 * kBeatsPerCycle, 100 * 60 * kBeatsPerCycle);
    bpm_->setDecimals(1);
    bpm_->setSuffix(tr(" BPM"));
    bpm_->setKeyboardTracking(false);
    auto* hush = new QToolButton(this);
    hush->setText(tr("Hush"));
    hush->setToolTip(tr("Silence every channel (Ctrl+.)"));
    record_ = new QToolButton(this);
    record_->setText(tr("● Rec"));
    record_->setCheckable(true);
    record_->setToolTip(tr("Record the performance to a WAV or FLAC file"));
    recordStatus_ = new QLabel(this);
    recordStatus_->setFixedSize(170, 24);
    meter_ = new LevelMeter(this);
    scope_ = new ScopeView(this);
    device_ = new QLabel(this);
    device_->setFixedSize(210, 24);
    device_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    layout->addWidget(state_);
    layout->addWidget(cycle_);
    layout->addWidget(cps_);
    layout->addWidget(bpm_);
    layout->addWidget(hush);
    layout->addSpacing(8);
    layout->addWidget(record_);
    layout->addWidget(recordStatus_);
    layout->addStretch(1);
    layout->addWidget(device_);
    layout->addWidget(scope_);
    layout->addWidget(meter_);

    connect(cps_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!cps_->hasFocus()) return;  // only what the performer typed, not what the engine reports
        Q_EMIT cpsEdited(v);
    });
    connect(bpm_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!bpm_->hasFocus()) return;
        Q_EMIT cpsEdited(v / 60.0 / kBeatsPerCycle);
    });
    connect(hush, &QToolButton::clicked, this, &TransportBar::hushClicked);
    connect(record_, &QToolButton::toggled, this, &TransportBar::recordToggled);
}

void TransportBar::show(const TransportView& view) {
    state_->setText(view.playing ? tr("▶ playing") : tr("■ silent"));
    const double whole = std::floor(view.cycle);
    cycle_->setText(QStringLiteral("%1 · %2").arg(static_cast<qlonglong>(whole)).arg(view.cycle - whole, 0, 'f', 2));
    if (!cps_->hasFocus()) {
        const QSignalBlocker block(cps_);
        cps_->setValue(view.cps);
    }
    if (!bpm_->hasFocus()) {
        const QSignalBlocker block(bpm_);
        bpm_->setValue(view.cps * 60 * kBeatsPerCycle);
    }
    const QString device = view.onDevice ? QStringLiteral("%1 · %2 ms · %3 voices").arg(view.device).arg(view.latencyMs, 0, 'f', 1).arg(view.voices)
                                         : tr("no device: silent clock");
    if (device != device_->toolTip()) {
        device_->setToolTip(device);
        device_->setText(device_->fontMetrics().elidedText(device, Qt::ElideMiddle, device_->width()));
    }
    // A style sheet re-polishes the widget: set it only when the state changes, not every frame.
    if (onDevice_ != view.onDevice) {
        onDevice_ = view.onDevice;
        device_->setStyleSheet(view.onDevice ? QString() : QStringLiteral("color: %1").arg(theme_.error.name()));
    }
}

QString TransportBar::recordStatusText() const { return recordStatus_->toolTip(); }

void TransportBar::setRecording(bool on, const QString& status, bool failed) {
    {
        const QSignalBlocker block(record_);
        record_->setChecked(on);
    }
    // Long reasons are cut to the label and shown whole in its tooltip (and the console).
    recordStatus_->setText(recordStatus_->fontMetrics().elidedText(status, Qt::ElideRight, recordStatus_->width()));
    recordStatus_->setToolTip(status);
    const QString style = failed || on ? QStringLiteral("color: %1").arg(theme_.error.name()) : QString();
    if (recordStatus_->styleSheet() != style) recordStatus_->setStyleSheet(style);
}

void TransportBar::setTheme(const Theme& theme) {
    theme_ = theme;
    meter_->setTheme(theme);
    scope_->setTheme(theme);
}

}  // namespace seiche::ui
