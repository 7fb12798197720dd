#include "appicon.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Tandem {

QIcon applicationIcon()
{
    static const QIcon icon = [] {
        QIcon compiled;
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const QString file = u":/icons/%1x%1/apps/%2.png"_s.arg(size).arg(QStringLiteral(TANDEM_APP_ID));
            if (QFile::exists(file)) {
                compiled.addFile(file, QSize(size, size));
            }
        }
        return QIcon::fromTheme(QStringLiteral(TANDEM_APP_ID), compiled);
    }();
    return icon;
}

} // namespace Tandem
