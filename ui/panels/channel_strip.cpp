#include "panels/channel_strip.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

namespace seiche::ui {

class ChannelLight : public QWidget {
public:
    explicit ChannelLight(QWidget* parent) : QWidget(parent) { setFixedSize(14, 14); }
    void pulse() { level_ = 1; update(); }
    void fade() {
        if (level_ <= 0) return;
        level_ = std::max(0.f, level_ - 0.08f);
        update();
    }
    float level() const { return level_; }
    void setAssigned(bool on) { if (assigned_ != on) { assigned_ = on; update(); } }
    void setColours(QColor on, QColor off) { on_ = on; off_ = off; update(); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QColor c = on_;
        c.setAlphaF(0.15 + 0.85 * level_);
        p.setPen(assigned_ ? on_ : off_);
        p.setBrush(assigned_ ? c : off_);
        p.drawEllipse(rect().adjusted(2, 2, -2, -2));
    }

private:
    float level_ = 0;
    bool assigned_ = false;
    QColor on_ = Qt::yellow, off_ = Qt::darkGray;
};

ChannelStrip::ChannelStrip(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("channels"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setVerticalSpacing(1);
    for (int c = 1; c <= kChannels; ++c) {
        auto* name = new QLabel(QStringLiteral("d%1").arg(c), this);
        lights_[c - 1] = new ChannelLight(this);
        auto makeSwitch = [this](const QString& text, const QString& tip) {
            auto* b = new QToolButton(this);
            b->setText(text);
            b->setToolTip(tip);
            b->setCheckable(true);
            b->setAutoRaise(true);
            return b;
        };
        mute_[c - 1] = makeSwitch(QStringLiteral("M"), tr("Mute d%1").arg(c));
        solo_[c - 1] = makeSwitch(QStringLiteral("S"), tr("Solo d%1").arg(c));
        grid->addWidget(lights_[c - 1], c - 1, 0);
        grid->addWidget(name, c - 1, 1);
        grid->addWidget(mute_[c - 1], c - 1, 2);
        grid->addWidget(solo_[c - 1], c - 1, 3);
        connect(mute_[c - 1], &QToolButton::toggled, this, [this, c](bool on) { Q_EMIT muteToggled(c, on); });
        connect(solo_[c - 1], &QToolButton::toggled, this, [this, c](bool on) { Q_EMIT soloToggled(c, on); });
    }
    grid->setRowStretch(kChannels, 1);
}

void ChannelStrip::pulse(int channel) {
    if (channel >= 1 && channel <= kChannels) lights_[channel - 1]->pulse();
}

void ChannelStrip::setAssigned(int channel, bool on) { lights_.at(channel - 1)->setAssigned(on); }

void ChannelStrip::setSwitches(int channel, bool muted, bool soloed) {
    const QSignalBlocker a(mute_.at(channel - 1)), b(solo_.at(channel - 1));
    mute_[channel - 1]->setChecked(muted);
    solo_[channel - 1]->setChecked(soloed);
}

void ChannelStrip::tick() {
    for (auto* light : lights_) light->fade();
}

float ChannelStrip::light(int channel) const { return lights_.at(channel - 1)->level(); }

void ChannelStrip::setTheme(const Theme& theme) {
    for (auto* light : lights_) light->setColours(theme.active, theme.gutterText);
}

}  // namespace seiche::ui
