#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

// The Desktop Entry Specification's quoting of one Exec argument.
QString quotedArgument(const QString &argument)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    if (std::none_of(argument.cbegin(), argument.cend(), [](QChar c) { return reserved.contains(c); })) {
        return argument;
    }
    QString quoted = argument;
    quoted.replace(u'\\', u"\\\\\\\\"_s).replace(u'"', u"\\\\\""_s).replace(u'`', u"\\\\`"_s).replace(u'$', u"\\\\$"_s);
    return u'"' + quoted + u'"';
}

} // namespace

QString Autostart::path()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/autostart/"_s +
           QStringLiteral(TANDEM_APP_ID) + u".desktop"_s;
}

bool Autostart::isEnabled()
{
    if (!QFileInfo::exists(path())) {
        return false;
    }
    const QSettings entry(path(), QSettings::IniFormat);
    return !entry.value(u"Desktop Entry/Hidden"_s, false).toBool() &&
           entry.value(u"Desktop Entry/X-GNOME-Autostart-enabled"_s, true).toBool();
}

namespace {

// "tandem" when the tandem on PATH is this one, else this executable's absolute path.
QString program()
{
    const QString self = QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath();
    const QString onPath = QStandardPaths::findExecutable(u"tandem"_s);
    return !onPath.isEmpty() && QFileInfo(onPath).canonicalFilePath() == self ? u"tandem"_s : self;
}

} // namespace

QString Autostart::execLine()
{
    return quotedArgument(program()) + u" --minimized"_s;
}

Status Autostart::setEnabled(bool enabled)
{
    const QString file = path();
    if (!enabled) {
        if (QFileInfo::exists(file) && !QFile::remove(file)) {
            return Error{QCoreApplication::translate("Tandem::Autostart", "Cannot remove %1.")
                             .arg(QDir::toNativeSeparators(file))};
        }
        return {};
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        return Error{QCoreApplication::translate("Tandem::Autostart", "Cannot create the folder %1.")
                         .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath()))};
    }
    const QString text = u"[Desktop Entry]\n"
                         "Type=Application\n"
                         "Name=Tandem\n"
                         "Comment=Reminders of your on-call shifts, in the tray\n"
                         "Icon=%1\n"
                         "Exec=%2\n"
                         "TryExec=%3\n"
                         "Terminal=false\n"
                         "X-GNOME-Autostart-enabled=true\n"_s.arg(QStringLiteral(TANDEM_APP_ID), execLine(), program());
    QSaveFile out(file);
    const QByteArray bytes = text.toUtf8();
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        return Error{QCoreApplication::translate("Tandem::Autostart", "Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(file), out.errorString())};
    }
    return {};
}

} // namespace Tandem
