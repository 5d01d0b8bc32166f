#pragma once
// Stereo peak meter with a falling bar and a held peak, in dBFS.
#include <QWidget>

#include "settings/theme.hpp"

namespace seiche::ui {

class LevelMeter : public QWidget {
public:
    explicit LevelMeter(QWidget* parent = nullptr);
    void setPeaks(float left, float right);  // linear, since the last call
    void setTheme(const Theme& theme) { theme_ = theme; update(); }
    QSize sizeHint() const override { return {120, 18}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    Theme theme_;
    float level_[2] = {-90, -90}, hold_[2] = {-90, -90};
    int holdFrames_[2] = {0, 0};
};

}  // namespace seiche::ui
