#include "xandikos.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Tandem::Test {

QUrl XandikosServer::calendarUrl(const QString &name) const
{
    return url(u"/user/calendars/%1/"_s.arg(name));
}

std::pair<QString, QStringList> XandikosServer::command(quint16 port, QString *error)
{
    // Debian's /usr/bin/xandikos runs /usr/bin/python3 (the python3 on PATH may lack it).
    const QString program = u"/usr/bin/xandikos"_s;
    if (!QFile::exists(program)) {
        *error = u"%1 is missing: install Debian's xandikos (packaging/dev.sh deps)"_s.arg(program);
        return {};
    }
    return {program,
            {u"-d"_s, dir().filePath(u"storage"_s), u"-l"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port),
             u"--autocreate"_s}};
}

} // namespace Tandem::Test
