#pragma once
// Audio, sounds, editor and recording settings. "Apply" takes effect while the
// music plays: a new device or buffer size keeps the clock; a new sample rate
// restarts the engine from the same code.
#include <QDialog>

#include "settings/app_settings.hpp"

class QComboBox;
class QFontComboBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QLineEdit;

namespace seiche::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;
    void setStatus(const QString& text, bool error);  // the result of the last apply
    QComboBox* themeBox() const { return theme_; }
    QComboBox* bufferBox() const { return buffer_; }
    QComboBox* rateBox() const { return rate_; }
    QLabel* latencyLabel() const { return latency_; }
    void scanDevices();  // fills the device list (in the background)

Q_SIGNALS:
    void applyRequested(const AppSettings& settings);

private:
    void showLatency();
    void fillDevices(const std::vector<audio::ApiListing>& listings);

    AppSettings original_;
    QComboBox* api_ = nullptr;
    QComboBox* device_ = nullptr;
    QComboBox* rate_ = nullptr;
    QComboBox* buffer_ = nullptr;
    QLabel* latency_ = nullptr;
    QListWidget* folders_ = nullptr;
    QFontComboBox* font_ = nullptr;
    QSpinBox* fontSize_ = nullptr;
    QComboBox* theme_ = nullptr;
    QComboBox* keymap_ = nullptr;
    QLineEdit* recordingFolder_ = nullptr;
    QComboBox* recordingFormat_ = nullptr;
    QLabel* status_ = nullptr;
    std::vector<audio::ApiListing> listings_;
};

}  // namespace seiche::ui
