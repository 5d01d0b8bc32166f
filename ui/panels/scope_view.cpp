#include "panels/scope_view.hpp"

#include <QPainter>

namespace seiche::ui {

ScopeView::ScopeView(QWidget* parent) : QWidget(parent), theme_(loadTheme(QStringLiteral("dark"))), samples_(kSamples) {
    setMinimumSize(100, 24);
    setToolTip(tr("Output waveform"));
}

void ScopeView::setCount(int count) {
    count_ = std::clamp(count, 0, kSamples);
    update();
}

void ScopeView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme_.gutter);
    const double mid = height() / 2.0;
    p.setPen(theme_.gutterText);
    p.drawLine(QPointF(0, mid), QPointF(width(), mid));
    if (count_ < 2) return;
    // One point per pixel column at most: drawing stays cheap at any width.
    const int points = std::min(count_, std::max(2, width()));
    line_.resize(points);
    for (int i = 0; i < points; ++i) {
        const float v = std::clamp(samples_[static_cast<size_t>(i * (count_ - 1) / (points - 1))], -1.f, 1.f);
        line_[i] = QPointF(double(i) * width() / (points - 1), mid - v * (mid - 1));
    }
    // A cosmetic one-pixel pen without antialiasing takes the raster engine's fast path.
    p.setPen(QPen(theme_.accent, 0));
    p.drawPolyline(line_);
}

}  // namespace seiche::ui
