#include "welcomepage.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    auto *title = new QLabel(tr("<h1>Welcome to Tandem</h1>"), this);
    auto *text = new QLabel(tr("Every on-call shift in Tandem is a pair: a developer who knows the code and an "
                               "operations engineer with production access. Start by putting your people on the "
                               "roster."),
                            this);
    text->setWordWrap(true);
    auto *create =
        new QCommandLinkButton(tr("Create a team"), tr("Name the team, then add its people one by one."), this);
    create->setObjectName(u"createTeamButton"_s);
    auto *import = new QCommandLinkButton(
        tr("Import a roster from CSV"),
        tr("A file with the columns name, email, role, team, timezone, phone, capacity, production_access."), this);
    import->setObjectName(u"importButton"_s);
    auto *demo = new QCommandLinkButton(tr("Open the demo team"),
                                        tr("Three teams on two continents, in a database of its own."), this);
    demo->setObjectName(u"demoButton"_s);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(text);
    column->addSpacing(16);
    column->addWidget(create);
    column->addWidget(import);
    column->addWidget(demo);
    auto *box = new QWidget(this);
    box->setLayout(column);
    // A fixed width, so that the wrapped words get their height: centred at its size hint, the
    // box was as narrow as its widest unwrapped word and cut its own text.
    const int width = std::min(560, fontMetrics().averageCharWidth() * 70);
    box->setFixedWidth(width);
    // And the height the wrapped words need at that width: a centred box gets its size hint,
    // which counts each description as one line.
    box->setFixedHeight(box->heightForWidth(width));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(create, &QCommandLinkButton::clicked, this, &WelcomePage::createTeamRequested);
    connect(import, &QCommandLinkButton::clicked, this, &WelcomePage::importRequested);
    connect(demo, &QCommandLinkButton::clicked, this, &WelcomePage::demoRequested);
}

} // namespace Tandem
