#include "apptranslator.h"

#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Tandem {

AppTranslator::AppTranslator(QObject *parent) : QTranslator(parent) {}

bool AppTranslator::loadFor(const QLocale &locale, const QString &directory)
{
    if (!m_exact.load(locale, u"tandem"_s, u"_"_s, directory) || m_exact.language().startsWith(u"en"_s)) {
        return false;
    }
    // tandem_de.qm -> tandem_de_any.qm, built beside it.
    const QFileInfo exact(m_exact.filePath());
    return m_any.load(exact.completeBaseName() + u"_any"_s, exact.absolutePath());
}

QString AppTranslator::translate(const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    const QString exact = m_exact.translate(context, sourceText, disambiguation, n);
    if (!exact.isNull() || m_any.isEmpty()) {
        return exact;
    }
    return m_any.translate("any", sourceText, disambiguation, n);
}

bool AppTranslator::isEmpty() const
{
    return m_exact.isEmpty();
}

} // namespace Tandem
