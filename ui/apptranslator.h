#pragma once

#include <QTranslator>

class QLocale;

namespace Tandem {

/// Tandem's messages in the user's language. Also finds a message where the code looks it up in
/// another context than lupdate filed it under: models/ translates through helpers that name one
/// context per file (Tandem::Validation), while lupdate files a tr() of a free function under the
/// namespace (Tandem) and one of a nested class under that class (Tandem::Planner::RuleBook).
/// The exact context comes first, then the message's source text in any context
/// (tandem_LANG_any.qm, built by resources/translations/any-context.cmake).
class AppTranslator : public QTranslator
{
    Q_OBJECT

public:
    explicit AppTranslator(QObject *parent = nullptr);

    /// Loads the first of the locale's languages (LANGUAGE=fr:de, then LC_MESSAGES or LANG) that
    /// Tandem has from `directory` (tandem_de.qm and tandem_de_any.qm); false for English, which
    /// is the source language, and for a language Tandem does not have.
    bool loadFor(const QLocale &locale, const QString &directory);

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override;

private:
    QTranslator m_exact;
    QTranslator m_any;
};

} // namespace Tandem
