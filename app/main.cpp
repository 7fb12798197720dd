#include "appicon.h"
#include "apptranslator.h"
#include "cli.h"
#include "dbusapplication.h"
#include "domain/clock.h"
#include "home/remindertray.h"
#include "mainwindow.h"
#include "services/identity.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The user's language, from the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): Tandem's
// messages (GUI and command line), and Qt's own (standard buttons and dialogs) where Debian's
// qt6-translations-l10n is installed. Source strings are English; the English "translation"
// supplies the plural forms of "%n" ("1 day", "2 days") and stays underneath the user's
// language, which Qt asks first: a message not translated yet reads as good English.
void installTranslations(QCoreApplication &app)
{
    const QLocale locale;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    auto *english = new QTranslator(&app);
    if (english->load(u":/i18n/tandem_en.qm"_s)) {
        QCoreApplication::installTranslator(english);
    }
    // The first of the user's languages (LANGUAGE=fr:de, then LC_MESSAGES or LANG) that Tandem
    // has; English is underneath already.
    auto *translator = new Tandem::AppTranslator(&app);
    if (translator->loadFor(locale, u":/i18n"_s)) {
        QCoreApplication::installTranslator(translator);
    } else {
        delete translator;
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

// The command line promises one line on stderr per error, in words: log lines of the store
// ("tandem.store: query failed ..."), of Qt or of KCalendarCore are for developers, shown with
// TANDEM_DEBUG=1. A fatal message still gets through.
void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        fprintf(stderr, "tandem: internal error: %s\n", qPrintable(message));
        fflush(stderr);
    }
}

void quietForCommandLine()
{
    if (qEnvironmentVariableIsEmpty("TANDEM_DEBUG")) {
        qInstallMessageHandler(quietMessages);
    }
}

#ifdef TANDEM_TEST_CLOCK
// Only in tandem-testclock, the test suite's build of this file (tests/CMakeLists.txt; never
// installed): TANDEM_TEST_NOW=2027-01-31T23:59:00Z is "now" for the whole process, so the tests
// that run the executable pass at midnight and on the last day of a month. The installed tandem
// is compiled without TANDEM_TEST_CLOCK and ignores the variable.
bool installTestClock()
{
    const QString text = qEnvironmentVariable("TANDEM_TEST_NOW");
    if (text.isEmpty()) {
        return true;
    }
    const QDateTime now = QDateTime::fromString(text, Qt::ISODate);
    if (!now.isValid()) {
        fprintf(stderr, "tandem: TANDEM_TEST_NOW: \"%s\" is not an ISO 8601 date and time\n", qPrintable(text));
        return false;
    }
    static const Tandem::FixedClock clock(now);
    Tandem::Clock::setCurrent(&clock);
    return true;
}
#endif

} // namespace

int main(int argc, char *argv[])
{
#ifdef TANDEM_TEST_CLOCK
    if (!installTestClock()) {
        return Tandem::ExitUsage;
    }
#endif
    QStringList args;
    for (int i = 1; i < argc; ++i) {
        args.append(QString::fromLocal8Bit(argv[i]));
    }
    if (Tandem::Cli::isCommand(args)) {
        quietForCommandLine();
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
    // The window and its notifications belong to the desktop entry (Wayland's app id, docks).
    QGuiApplication::setDesktopFileName(QStringLiteral(TANDEM_APP_ID));
    QApplication::setWindowIcon(Tandem::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(Tandem::Cli::generalHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> options = Tandem::Cli::programOptions();
    parser.addOptions(options);
    parser.process(app);
    const auto option = [&options](const QString &name) {
        return *std::find_if(options.cbegin(), options.cend(),
                             [&name](const QCommandLineOption &o) { return o.names().contains(name); });
    };
    const QCommandLineOption dbOption = option(u"db"_s);
    const QCommandLineOption demoOption = option(u"demo"_s);
    const QCommandLineOption showOption = option(u"show"_s);
    const QCommandLineOption minimizedOption = option(u"minimized"_s);
    if (parser.isSet(dbOption) && parser.value(dbOption).trimmed().isEmpty()) {
        // Never a silent fallback to the database used last.
        fprintf(stderr, "tandem: %s\n",
                qPrintable(QCoreApplication::translate("main", "--db: the PATH is empty; give the database file")));
        return Tandem::ExitUsage;
    }
    const QString page = parser.value(showOption);
    if (!page.isEmpty() && page != u"home" && page != u"roster" && page != u"calendar") {
        fprintf(stderr, "tandem: %s\n",
                qPrintable(QCoreApplication::translate("main", "--show: “%1” is not a page (home, roster or calendar)")
                               .arg(page)));
        return Tandem::ExitUsage;
    }
    const bool minimized = parser.isSet(minimizedOption);

    // One Tandem per session: a start without a database of its own (the menu, a desktop action,
    // login) goes to the running one, which shows the page asked for.
    Tandem::DBusApplication service;
    if (!service.registerOn() && !parser.isSet(dbOption) && !parser.isSet(demoOption)) {
        if (minimized || Tandem::DBusApplication::forward(page)) {
            return Tandem::ExitOk;
        }
    }

    Tandem::MainWindow window;
    const bool demo = parser.isSet(demoOption);
    const QString path = demo ? Tandem::Database::demoPath()
                         : parser.isSet(dbOption)
                             ? parser.value(dbOption)
                             : QSettings().value(u"database/last"_s, Tandem::Database::defaultPath()).toString();
    window.openDatabase(path, demo);
    QObject::connect(&service, &Tandem::DBusApplication::activateRequested, &window,
                     [&window](const QString &requested) { window.activate(requested); });
    if (minimized && window.reminderTray()->isTrayAvailable()) {
        // At login: only the tray icon; reminders run, the tray's menu shows the window.
    } else if (minimized) {
        window.showMinimized();
    } else {
        window.activate(page);
        window.enableIdentityPrompt();
    }
    return app.exec();
}
