#include "panels/level_meter.hpp"

#include <QPainter>
#include <cmath>

namespace seiche::ui {

namespace {
constexpr float kFloorDb = -60;
float toDb(float linear) { return linear > 1e-6f ? 20.f * std::log10(linear) : -120.f; }
}  // namespace

LevelMeter::LevelMeter(QWidget* parent) : QWidget(parent), theme_(loadTheme(QStringLiteral("dark"))) {
    setMinimumSize(80, 14);
    setToolTip(tr("Output level after the limiter (dBFS)"));
}

void LevelMeter::setPeaks(float left, float right) {
    const float peaks[2] = {toDb(left), toDb(right)};
    for (int c = 0; c < 2; ++c) {
        // Rises at once, falls about 20 dB a second at 60 frames a second.
        level_[c] = std::max(peaks[c], level_[c] - 0.35f);
        if (peaks[c] >= hold_[c]) {
            hold_[c] = peaks[c];
            holdFrames_[c] = 90;
        } else if (--holdFrames_[c] <= 0) {
            hold_[c] = level_[c];
        }
    }
    update();
}

void LevelMeter::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme_.gutter);
    const int h = height() / 2;
    for (int c = 0; c < 2; ++c) {
        const auto fraction = [&](float db) { return std::clamp((db - kFloorDb) / -kFloorDb, 0.f, 1.f); };
        const int w = static_cast<int>(fraction(level_[c]) * width());
        const int red = static_cast<int>(fraction(-6) * width());
        p.fillRect(0, c * h + 1, std::min(w, red), h - 2, theme_.meterLow);
        if (w > red) p.fillRect(red, c * h + 1, w - red, h - 2, theme_.meterHigh);
        const int hx = static_cast<int>(fraction(hold_[c]) * width());
        p.fillRect(std::max(0, hx - 2), c * h + 1, 2, h - 2, hold_[c] > -0.1f ? theme_.meterHigh : theme_.panelText);
    }
}

}  // namespace seiche::ui
