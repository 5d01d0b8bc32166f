#pragma once
// d1…d16: a light that blinks with each event a channel plays, and its mute and
// solo switches.
#include <QWidget>

#include <array>

#include "settings/theme.hpp"

class QToolButton;

namespace seiche::ui {

class ChannelLight;

class ChannelStrip : public QWidget {
    Q_OBJECT
public:
    static constexpr int kChannels = 16;
    explicit ChannelStrip(QWidget* parent = nullptr);
    void pulse(int channel);                  // an event started on it just now
    void setAssigned(int channel, bool on);   // it has a pattern
    void setSwitches(int channel, bool muted, bool soloed);
    void tick();                              // once a frame: lights fade
    void setTheme(const Theme& theme);
    QToolButton* muteButton(int channel) const { return mute_.at(channel - 1); }
    QToolButton* soloButton(int channel) const { return solo_.at(channel - 1); }
    float light(int channel) const;

Q_SIGNALS:
    void muteToggled(int channel, bool on);
    void soloToggled(int channel, bool on);

private:
    std::array<ChannelLight*, kChannels> lights_{};
    std::array<QToolButton*, kChannels> mute_{}, solo_{};
};

}  // namespace seiche::ui
