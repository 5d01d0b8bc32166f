#pragma once
// Colours Tidal code as the performer types: Haskell's comments, keywords and
// operators, `d1`…`d16`, known functions and controls, and inside string
// literals the mini-notation's own structure. A hand-written scanner, not regular
// expressions: it runs on every keystroke's line.
#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include "settings/theme.hpp"

namespace seiche::ui {

class Vocabulary;

class TidalHighlighter : public QSyntaxHighlighter {
public:
    TidalHighlighter(QTextDocument* document, const Vocabulary& vocabulary);
    void setTheme(const Theme& theme);

protected:
    void highlightBlock(const QString& text) override;

private:
    int highlightMini(const QString& text, int from);  // from the opening quote; returns the index after the string

    QSet<QString> functions_, controls_;
    QTextCharFormat keyword_, function_, control_, string_, mini_, number_, comment_, op_, channel_;
};

}  // namespace seiche::ui
