#include "settings/settings_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QApplication>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <thread>

#include "settings/keymap.hpp"
#include "settings/theme.hpp"

namespace seiche::ui {

SettingsDialog::SettingsDialog(const AppSettings& settings, QWidget* parent) : QDialog(parent), original_(settings) {
    setWindowTitle(tr("Seiche settings"));
    setObjectName(QStringLiteral("settings"));
    auto* form = new QFormLayout;

    api_ = new QComboBox(this);
    api_->addItem(tr("First that works (JACK, PulseAudio, ALSA)"), QString());
    for (const char* name : {"jack", "pulse", "alsa"}) api_->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    api_->addItem(tr("None (silent clock)"), QStringLiteral("none"));
    api_->setCurrentIndex(settings.audio.noDevice ? api_->count() - 1
                                                  : settings.audio.api ? api_->findData(QString::fromLatin1(audio::apiName(*settings.audio.api))) : 0);
    device_ = new QComboBox(this);
    // Items carry "api:index" (an index means something only within its API).
    device_->addItem(tr("Default output"), QString());
    if (settings.audio.device)
        device_->addItem(tr("Device %1").arg(*settings.audio.device),
                         QStringLiteral("%1:%2").arg(settings.audio.api ? QString::fromLatin1(audio::apiName(*settings.audio.api)) : QString())
                             .arg(*settings.audio.device));
    device_->setCurrentIndex(device_->count() - 1);
    auto* scan = new QPushButton(tr("Scan"), this);
    auto* deviceRow = new QHBoxLayout;
    deviceRow->addWidget(device_, 1);
    deviceRow->addWidget(scan);
    rate_ = new QComboBox(this);
    for (unsigned r : {44100u, 48000u, 88200u, 96000u}) rate_->addItem(QString::number(r), r);
    rate_->setCurrentIndex(std::max(0, rate_->findData(settings.audio.sampleRate)));
    buffer_ = new QComboBox(this);
    for (unsigned b : {32u, 64u, 128u, 256u, 512u, 1024u, 2048u}) buffer_->addItem(QString::number(b), b);
    buffer_->setCurrentIndex(std::max(0, buffer_->findData(settings.audio.bufferFrames)));
    latency_ = new QLabel(this);
    form->addRow(tr("Audio system"), api_);
    form->addRow(tr("Device"), deviceRow);
    form->addRow(tr("Sample rate"), rate_);
    form->addRow(tr("Buffer size (frames)"), buffer_);
    form->addRow(tr("Output latency"), latency_);

    folders_ = new QListWidget(this);
    folders_->addItems(settings.sampleFolders);
    folders_->setMaximumHeight(90);
    auto* addFolder = new QPushButton(tr("Add folder…"), this);
    auto* removeFolder = new QPushButton(tr("Remove"), this);
    auto* folderButtons = new QHBoxLayout;
    folderButtons->addWidget(addFolder);
    folderButtons->addWidget(removeFolder);
    folderButtons->addStretch(1);
    auto* folderBox = new QVBoxLayout;
    folderBox->addWidget(folders_);
    folderBox->addLayout(folderButtons);
    form->addRow(tr("Sample folders"), folderBox);

    font_ = new QFontComboBox(this);
    font_->setFontFilters(QFontComboBox::MonospacedFonts);
    font_->setCurrentFont(settings.font());
    fontSize_ = new QSpinBox(this);
    fontSize_->setRange(6, 96);
    fontSize_->setValue(settings.fontSize);
    auto* fontRow = new QHBoxLayout;
    fontRow->addWidget(font_, 1);
    fontRow->addWidget(fontSize_);
    theme_ = new QComboBox(this);
    theme_->addItems(themeNames());
    theme_->setCurrentText(settings.theme);
    keymap_ = new QComboBox(this);
    keymap_->addItems(Keymap::presetNames());
    keymap_->setCurrentText(settings.keymap);
    keymap_->setToolTip(tr("'user' reads %1").arg(Keymap::userFile()));
    form->addRow(tr("Font"), fontRow);
    form->addRow(tr("Theme"), theme_);
    form->addRow(tr("Keys"), keymap_);

    recordingFolder_ = new QLineEdit(settings.recordingFolder, this);
    recordingFolder_->setPlaceholderText(tr("~/Music/seiche"));
    recordingFormat_ = new QComboBox(this);
    recordingFormat_->addItems({QStringLiteral("wav"), QStringLiteral("flac")});
    recordingFormat_->setCurrentText(settings.recordingFormat);
    form->addRow(tr("Recordings folder"), recordingFolder_);
    form->addRow(tr("Recording format"), recordingFormat_);

    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    connect(rate_, &QComboBox::currentIndexChanged, this, &SettingsDialog::showLatency);
    connect(buffer_, &QComboBox::currentIndexChanged, this, &SettingsDialog::showLatency);
    connect(scan, &QPushButton::clicked, this, &SettingsDialog::scanDevices);
    connect(api_, &QComboBox::currentIndexChanged, this, [this] { fillDevices(listings_); });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Sample folder"));
        if (!dir.isEmpty()) folders_->addItem(dir);
    });
    connect(removeFolder, &QPushButton::clicked, this, [this] { delete folders_->currentItem(); });
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { Q_EMIT applyRequested(this->settings()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT applyRequested(this->settings());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showLatency();
}

void SettingsDialog::showLatency() {
    const double rate = rate_->currentData().toDouble(), frames = buffer_->currentData().toDouble();
    // Two device buffers (the one being played and the one being filled).
    latency_->setText(tr("%1 ms per buffer, about %2 ms from key to sound")
                          .arg(1000.0 * frames / rate, 0, 'f', 1)
                          .arg(2000.0 * frames / rate, 0, 'f', 1));
}

void SettingsDialog::scanDevices() {
    status_->setText(tr("Looking for audio devices…"));
    QPointer<SettingsDialog> self(this);
    // Probing JACK and ALSA can take a while: never on the GUI thread.
    std::thread([self] {
        auto listings = audio::listDevices();
        QMetaObject::invokeMethod(qApp, [self, listings = std::move(listings)] {
            if (self) self->fillDevices(listings);
        });
    }).detach();
}

void SettingsDialog::fillDevices(const std::vector<audio::ApiListing>& listings) {
    listings_ = listings;
    const QString api = api_->currentData().toString();
    const QString wanted = device_->currentData().toString();
    device_->clear();
    device_->addItem(tr("Default output"), QString());
    int found = 0;
    for (const auto& listing : listings_) {
        if (!api.isEmpty() && api != QString::fromLatin1(audio::apiName(listing.api))) continue;
        for (const auto& d : listing.devices) {
            const QString apiName = QString::fromLatin1(audio::apiName(listing.api));
            device_->addItem(QStringLiteral("%1: %2").arg(apiName, QString::fromStdString(d.name)),
                             QStringLiteral("%1:%2").arg(apiName).arg(d.index));
            ++found;
        }
    }
    device_->setCurrentIndex(std::max(0, device_->findData(wanted)));
    if (!listings.empty()) status_->setText(tr("%n output device(s) found", nullptr, found));
}

AppSettings SettingsDialog::settings() const {
    AppSettings s = original_;
    const QString api = api_->currentData().toString();
    s.audio.noDevice = api == QLatin1String("none");
    s.audio.api = api.isEmpty() || s.audio.noDevice ? std::nullopt : audio::parseApi(api.toStdString());
    // A device chosen from the list names its own API, even under "first that works".
    const QString device = device_->currentData().toString();
    s.audio.device.reset();
    if (!device.isEmpty() && !s.audio.noDevice) {
        const QString deviceApi = device.section(QLatin1Char(':'), 0, 0);
        if (!deviceApi.isEmpty()) s.audio.api = audio::parseApi(deviceApi.toStdString());
        s.audio.device = device.section(QLatin1Char(':'), 1).toInt();
    }
    s.audio.sampleRate = rate_->currentData().toUInt();
    s.audio.bufferFrames = buffer_->currentData().toUInt();
    s.sampleFolders.clear();
    for (int i = 0; i < folders_->count(); ++i) s.sampleFolders << folders_->item(i)->text();
    s.fontFamily = font_->currentFont().family();
    s.fontSize = fontSize_->value();
    s.theme = theme_->currentText();
    s.keymap = keymap_->currentText();
    s.recordingFolder = recordingFolder_->text();
    s.recordingFormat = recordingFormat_->currentText();
    return s;
}

void SettingsDialog::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #e05050") : QString());
}

}  // namespace seiche::ui
