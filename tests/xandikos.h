#pragma once

#include "davserver.h"

namespace Tandem::Test {

/// A real Xandikos (Debian's `xandikos`, a second CalDAV implementation with git-backed
/// storage) on a free loopback port. No authentication: any user name and password are
/// accepted. Calendars live under /user/calendars/ (made at start with --autocreate).
class XandikosServer final : public DavServer
{
public:
    QString name() const override { return QStringLiteral("Xandikos"); }
    QUrl calendarUrl(const QString &name) const override;

protected:
    std::pair<QString, QStringList> command(quint16 port, QString *error) override;
};

} // namespace Tandem::Test
