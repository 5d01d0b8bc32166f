#pragma once
// A small oscilloscope of the output (the latest samples, mono).
#include <QWidget>

#include <vector>

#include "settings/theme.hpp"

namespace seiche::ui {

class ScopeView : public QWidget {
public:
    static constexpr int kSamples = 1024;
    explicit ScopeView(QWidget* parent = nullptr);
    float* buffer() { return samples_.data(); }
    void setCount(int count);  // after filling buffer() with `count` samples
    void setTheme(const Theme& theme) { theme_ = theme; update(); }
    QSize sizeHint() const override { return {160, 36}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    Theme theme_;
    std::vector<float> samples_;
    int count_ = 0;
    QPolygonF line_;
};

}  // namespace seiche::ui
