#include "cli.h"
#include "mainwindow.h"
#include "services/identity.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// Source strings are English; the English "translation" supplies the plural forms of "%n".
void installTranslations(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), u"tandem"_s, u"_"_s, u":/i18n"_s) || translator->load(u":/i18n/tandem_en.qm"_s)) {
        QCoreApplication::installTranslator(translator);
    }
}

void setIdentity(QCoreApplication &app)
{
    installTranslations(app);
    app.setOrganizationName(u"Tandem"_s);
    app.setOrganizationDomain(u"tandem.example.org"_s);
    app.setApplicationName(u"tandem"_s);
    app.setApplicationVersion(QStringLiteral(TANDEM_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i) {
        args.append(QString::fromLocal8Bit(argv[i]));
    }
    if (Tandem::Cli::isCommand(args) && Tandem::Cli::needsFonts(args)) {
        // Sheets lay text out with real fonts: a QGuiApplication, offscreen where there is no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        QGuiApplication app(argc, argv);
        setIdentity(app);
        return Tandem::Cli().run(args);
    }
    if (Tandem::Cli::isCommand(args)) {
        QCoreApplication app(argc, argv);
        setIdentity(app);
        return Tandem::Cli().run(args);
    }

    QApplication app(argc, argv);
    setIdentity(app);
    app.setApplicationDisplayName(u"Tandem"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(Tandem::Cli::generalHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, u"Use the database at PATH."_s, u"PATH"_s);
    const QCommandLineOption demoOption(u"demo"_s, u"Open the demo team (a database of its own)."_s);
    parser.addOption(dbOption);
    parser.addOption(demoOption);
    parser.process(app);

    Tandem::MainWindow window;
    const bool demo = parser.isSet(demoOption);
    const QString path = demo ? Tandem::Database::demoPath()
                         : parser.isSet(dbOption)
                             ? parser.value(dbOption)
                             : QSettings().value(u"database/last"_s, Tandem::Database::defaultPath()).toString();
    window.openDatabase(path, demo);
    window.show();
    window.enableIdentityPrompt();
    return app.exec();
}
