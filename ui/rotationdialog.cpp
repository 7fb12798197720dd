#include "rotationdialog.h"

#include "domain/clock.h"
#include "domain/localeformat.h"
#include "emptystate.h"
#include "hourwindowseditor.h"
#include "itemmodels/shiftrangemodel.h"
#include "onboardingpage.h"
#include "pooldialog.h"
#include "services/validation.h"
#include "timezonecombo.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

constexpr int HourMinutes = 60;
constexpr int DayMinutes = 24 * HourMinutes;
constexpr int WeekMinutes = 7 * DayMinutes;

// English singular or plural until the project ships an English .ts for tr()'s %n forms.
QString poolText(const OpsPool &pool)
{
    const int n = int(pool.members.size());
    return n == 1 ? RotationDialog::tr("%1 (1 member)").arg(pool.name)
                  : RotationDialog::tr("%1 (%2 members)").arg(pool.name).arg(n);
}

QDoubleSpinBox *weightSpin(QWidget *parent, const QString &name)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(MinWeight, MaxWeight);
    spin->setSingleStep(0.1);
    spin->setDecimals(1);
    spin->setPrefix(u"× "_s);
    return spin;
}

QSpinBox *intSpin(QWidget *parent, const QString &name, int min, int max, const QString &suffix = {})
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    return spin;
}

} // namespace

RotationDialog::RotationDialog(const QList<Team> &teams, const QList<Person> &people, const QList<OpsPool> &pools,
                               Submit submit, AddPool addPool, QWidget *parent)
    : QDialog(parent), m_submit(std::move(submit)), m_addPool(std::move(addPool)), m_teams(teams), m_people(people)
{
    setWindowTitle(tr("New Rotation"));
    setObjectName(u"rotationDialog"_s);
    const QLocale locale;

    // General: who and when.
    auto *general = new QWidget(this);
    m_name = new QLineEdit(general);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. Payments on call"));
    m_team = new QComboBox(general);
    m_team->setObjectName(u"teamCombo"_s);
    for (const Team &team : m_teams) {
        m_team->addItem(team.name, team.id.toString());
    }
    m_pool = new QComboBox(general);
    m_pool->setObjectName(u"poolCombo"_s);
    m_pool->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const OpsPool &pool : pools) {
        m_pool->addItem(poolText(pool), pool.id.toString());
    }
    m_newPool = new QPushButton(tr("N&ew Pool…"), general);
    m_newPool->setObjectName(u"newPoolButton"_s);
    m_newPool->setEnabled(bool(m_addPool));
    auto *poolRow = new QHBoxLayout;
    poolRow->addWidget(m_pool, 1);
    poolRow->addWidget(m_newPool);
    m_timeZone = new TimeZoneCombo(general);
    m_timeZone->setObjectName(u"timeZoneCombo"_s);
    m_length = intSpin(general, u"lengthSpin"_s, 1, 999);
    m_length->setAccessibleName(tr("Shift length"));
    m_unit = new QComboBox(general);
    m_unit->setObjectName(u"lengthUnitCombo"_s);
    m_unit->setAccessibleName(tr("Shift length unit"));
    m_unit->addItem(tr("hours"), HourMinutes);
    m_unit->addItem(tr("days"), DayMinutes);
    m_unit->addItem(tr("weeks"), WeekMinutes);
    auto *lengthRow = new QHBoxLayout;
    lengthRow->addWidget(m_length);
    lengthRow->addWidget(m_unit);
    lengthRow->addStretch();
    m_handoffDay = new QComboBox(general);
    m_handoffDay->setObjectName(u"handoffDayCombo"_s);
    m_handoffDay->setAccessibleName(tr("Handoff weekday"));
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        m_handoffDay->addItem(locale.dayName(day), day);
    }
    m_handoffTime = new QTimeEdit(general);
    m_handoffTime->setObjectName(u"handoffTimeEdit"_s);
    m_handoffTime->setAccessibleName(tr("Handoff time"));
    m_handoffTime->setDisplayFormat(LocaleFormat::timeFormat());
    auto *handoffRow = new QHBoxLayout;
    handoffRow->addWidget(m_handoffDay);
    handoffRow->addWidget(new QLabel(tr("at"), general));
    handoffRow->addWidget(m_handoffTime);
    handoffRow->addStretch();
    m_activeDaysBox = new QWidget(general);
    m_activeDaysBox->setObjectName(u"activeDays"_s);
    m_activeDaysBox->setAccessibleName(tr("Active days"));
    auto *daysRow = new QHBoxLayout(m_activeDaysBox);
    daysRow->setContentsMargins(0, 0, 0, 0);
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *check = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), m_activeDaysBox);
        check->setObjectName(u"activeDay%1"_s.arg(day));
        check->setAccessibleName(locale.dayName(day));
        daysRow->addWidget(check);
        m_activeDays.append(check);
    }
    daysRow->addStretch();
    m_startDate = new QDateEdit(general);
    m_startDate->setObjectName(u"startDateEdit"_s);
    m_startDate->setCalendarPopup(true);
    m_startDate->setDisplayFormat(LocaleFormat::dateFormat(true, true));

    auto *generalForm = new QFormLayout(general);
    generalForm->addRow(tr("&Name:"), m_name);
    generalForm->addRow(tr("&Team:"), m_team);
    auto *poolLabel = new QLabel(tr("Ops &pool:"), general);
    poolLabel->setBuddy(m_pool);
    generalForm->addRow(poolLabel, poolRow);
    generalForm->addRow(tr("Time &zone:"), m_timeZone);
    auto *lengthLabel = new QLabel(tr("Shift &length:"), general);
    lengthLabel->setBuddy(m_length);
    generalForm->addRow(lengthLabel, lengthRow);
    auto *handoffLabel = new QLabel(tr("&Handoff:"), general);
    handoffLabel->setBuddy(m_handoffDay);
    generalForm->addRow(handoffLabel, handoffRow);
    auto *daysLabel = new QLabel(tr("Active &days:"), general);
    daysLabel->setBuddy(m_activeDays.first());
    generalForm->addRow(daysLabel, m_activeDaysBox);
    generalForm->addRow(tr("&Start date:"), m_startDate);
    // The colour of its bars; the palette stays apart in grayscale and for colour-blind eyes,
    // and the bars carry the rotation's name as well.
    m_color = new QComboBox(general);
    m_color->setObjectName(u"colorCombo"_s);
    m_color->addItem(tr("Automatic (by position)"), QString());
    const QStringList colorNames{tr("Blue"),     tr("Orange"),     tr("Bluish green"), tr("Reddish purple"),
                                 tr("Sky blue"), tr("Vermillion"), tr("Yellow"),       tr("Grey")};
    const QList<QColor> palette = ShiftRangeModel::palette();
    for (int i = 0; i < palette.size(); ++i) {
        QPixmap swatch(16, 16);
        swatch.fill(palette.at(i));
        m_color->addItem(QIcon(swatch), colorNames.value(i, palette.at(i).name()), palette.at(i).name());
    }
    m_color->addItem(tr("Other…"), u"other"_s);
    generalForm->addRow(tr("Colo&ur:"), m_color);
    connect(m_color, &QComboBox::activated, this, [this](int index) {
        if (m_color->itemData(index).toString() != u"other") {
            return;
        }
        const QColor chosen = QColorDialog::getColor(QColor::fromString(m_rotation.color), this, tr("Rotation Colour"));
        setColor(chosen.isValid() ? chosen.name() : m_rotation.color);
    });

    // Rules: hard rules, load weights, re-planning.
    auto *rules = new QWidget(this);
    auto *hard = new QGroupBox(tr("Hard rules"), rules);
    m_minRest = intSpin(hard, u"minRestSpin"_s, -1, 24 * 14, tr(" h"));
    m_minRest->setSpecialValueText(tr("One shift length"));
    m_maxShifts = intSpin(hard, u"maxShiftsSpin"_s, 0, 28);
    m_maxShifts->setSpecialValueText(tr("No limit"));
    m_concurrency = intSpin(hard, u"concurrencySpin"_s, 1, 20, tr(" at once"));
    m_noSamePair = new QCheckBox(tr("Never the same pair t&wice in a row"), hard);
    m_noSamePair->setObjectName(u"noSamePairCheck"_s);
    m_newDevelopers = new QListWidget(this);
    m_newDevelopers->setObjectName(u"newDevelopersList"_s);
    m_newDevelopers->setAccessibleName(tr("New developers"));
    m_newDevelopers->setMaximumHeight(110);
    m_newDevelopers->setToolTip(tr("Checked developers pair only with a senior ops engineer."));
    auto *hardForm = new QFormLayout(hard);
    hardForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    hardForm->addRow(tr("Minimum rest &between shifts:"), m_minRest);
    hardForm->addRow(tr("Most shifts per person in &4 weeks:"), m_maxShifts);
    hardForm->addRow(tr("Rotations one ops engineer &covers:"), m_concurrency);
    hardForm->addRow(QString(), m_noSamePair);
    m_swapsNeedApproval = new QCheckBox(tr("Swaps and covers need a lead's &approval"), hard);
    m_swapsNeedApproval->setObjectName(u"swapsNeedApprovalCheck"_s);
    m_swapsNeedApproval->setToolTip(
        tr("When on, a swap or cover the colleagues agreed on waits for someone else on the roster to approve it."));
    hardForm->addRow(QString(), m_swapsNeedApproval);

    // Pairing: who may not pair with whom (hard rules as well, on a page of their own).
    auto *pairing = new QWidget(this);
    m_forbidden = new QListWidget(pairing);
    m_forbidden->setObjectName(u"forbiddenPairsList"_s);
    m_forbidden->setAccessibleName(tr("Forbidden pairs"));
    m_forbidden->setMaximumHeight(130);
    EmptyState::install(m_forbidden, tr("No forbidden pairs: anyone may pair with anyone."));
    m_forbidDev = new QComboBox(pairing);
    m_forbidDev->setObjectName(u"forbidDevCombo"_s);
    m_forbidDev->setAccessibleName(tr("Developer of the forbidden pair"));
    m_forbidOps = new QComboBox(pairing);
    m_forbidOps->setObjectName(u"forbidOpsCombo"_s);
    m_forbidOps->setAccessibleName(tr("Ops engineer of the forbidden pair"));
    m_addForbidden = new QPushButton(tr("&Forbid This Pair"), pairing);
    m_addForbidden->setObjectName(u"addForbiddenButton"_s);
    m_removeForbidden = new QPushButton(tr("&Allow Again"), pairing);
    m_removeForbidden->setObjectName(u"removeForbiddenButton"_s);
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(m_forbidDev, 1);
    pickRow->addWidget(new QLabel(tr("with"), pairing));
    pickRow->addWidget(m_forbidOps, 1);
    pickRow->addWidget(m_addForbidden);
    auto *forbiddenLabel = new QLabel(tr("Forbidden &pairs:"), pairing);
    forbiddenLabel->setBuddy(m_forbidden);
    auto *pairingForm = new QFormLayout(pairing);
    pairingForm->addRow(tr("New de&velopers:"), m_newDevelopers);
    pairingForm->addRow(new QLabel(tr("Checked developers pair only with a senior ops engineer."), pairing));
    pairingForm->addRow(forbiddenLabel, m_forbidden);
    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch();
    removeRow->addWidget(m_removeForbidden);
    pairingForm->addRow(QString(), removeRow);
    pairingForm->addRow(QString(), pickRow);
    connect(m_addForbidden, &QPushButton::clicked, this, &RotationDialog::addForbiddenPair);
    connect(m_removeForbidden, &QPushButton::clicked, this, [this] {
        delete m_forbidden->currentItem();
        validate();
    });
    connect(m_forbidden, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeForbidden->setEnabled(row >= 0); });
    m_removeForbidden->setEnabled(false);

    auto *weights = new QGroupBox(tr("Load weights"), rules);
    m_weekendWeight = weightSpin(weights, u"weekendWeightSpin"_s);
    m_holidayWeight = weightSpin(weights, u"holidayWeightSpin"_s);
    m_nightWeight = weightSpin(weights, u"nightWeightSpin"_s);
    m_nightStart = new QTimeEdit(weights);
    m_nightStart->setObjectName(u"nightStartEdit"_s);
    m_nightStart->setDisplayFormat(LocaleFormat::timeFormat());
    m_nightStart->setAccessibleName(tr("Night hours start"));
    m_nightEnd = new QTimeEdit(weights);
    m_nightEnd->setObjectName(u"nightEndEdit"_s);
    m_nightEnd->setDisplayFormat(LocaleFormat::timeFormat());
    m_nightEnd->setAccessibleName(tr("Night hours end"));
    auto *nightRow = new QHBoxLayout;
    nightRow->addWidget(m_nightWeight);
    nightRow->addWidget(new QLabel(tr("from"), weights));
    nightRow->addWidget(m_nightStart);
    nightRow->addWidget(new QLabel(tr("to"), weights));
    nightRow->addWidget(m_nightEnd);
    nightRow->addStretch();
    auto *weightForm = new QFormLayout(weights);
    weightForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    weightForm->addRow(tr("Wee&kend day:"), m_weekendWeight);
    weightForm->addRow(tr("Public holida&y:"), m_holidayWeight);
    auto *nightLabel = new QLabel(tr("Nigh&t hours:"), weights);
    nightLabel->setBuddy(m_nightWeight);
    weightForm->addRow(nightLabel, nightRow);

    auto *replan = new QGroupBox(tr("Re-planning"), rules);
    m_freezeDays = intSpin(replan, u"freezeDaysSpin"_s, 0, 365, tr(" days"));
    m_freezeDays->setToolTip(tr("Published shifts starting within this many days never move."));
    m_lookback = intSpin(replan, u"lookbackSpin"_s, 0, 104, tr(" weeks"));
    m_lookback->setToolTip(tr("Past shifts count for fairness over this window."));
    auto *replanForm = new QFormLayout(replan);
    replanForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    replanForm->addRow(tr("&Freeze window:"), m_freezeDays);
    replanForm->addRow(tr("Fairness &looks back:"), m_lookback);

    auto *rulesLayout = new QVBoxLayout(rules);
    rulesLayout->addWidget(hard);
    rulesLayout->addWidget(weights);
    rulesLayout->addWidget(replan);
    rulesLayout->addStretch();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"rotationTabs"_s);
    m_tabs->addTab(general, tr("&General"));
    m_tabs->addTab(rules, tr("&Rules"));
    m_tabs->addTab(pairing, tr("Pa&iring"));
    m_hours = new HourWindowsEditor(this);
    m_tabs->addTab(m_hours, tr("H&ours"));
    m_onboarding = new OnboardingPage(this);
    m_onboarding->setObjectName(u"onboardingPage"_s);
    m_tabs->addTab(m_onboarding, tr("On&boarding"));
    connect(m_onboarding, &OnboardingPage::changed, this, &RotationDialog::validate);

    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_team, &QComboBox::currentIndexChanged, this, &RotationDialog::teamChanged);
    connect(m_newPool, &QPushButton::clicked, this, &RotationDialog::newPool);
    connect(m_name, &QLineEdit::textChanged, this, &RotationDialog::validate);
    connect(m_pool, &QComboBox::currentIndexChanged, this, &RotationDialog::validate);
    connect(m_timeZone, &QComboBox::editTextChanged, this, &RotationDialog::validate);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &RotationDialog::validate);
    connect(m_handoffDay, &QComboBox::currentIndexChanged, this, &RotationDialog::validate);
    connect(m_handoffTime, &QTimeEdit::timeChanged, this, &RotationDialog::validate);
    connect(m_startDate, &QDateEdit::dateChanged, this, &RotationDialog::validate);
    connect(m_nightStart, &QTimeEdit::timeChanged, this, &RotationDialog::validate);
    connect(m_nightEnd, &QTimeEdit::timeChanged, this, &RotationDialog::validate);
    for (QCheckBox *check : std::as_const(m_activeDays)) {
        connect(check, &QCheckBox::toggled, this, &RotationDialog::validate);
    }
    for (QSpinBox *spin : {m_length, m_minRest, m_maxShifts, m_concurrency, m_freezeDays, m_lookback}) {
        connect(spin, &QSpinBox::valueChanged, this, &RotationDialog::validate);
    }
    for (QDoubleSpinBox *spin : {m_weekendWeight, m_holidayWeight, m_nightWeight}) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, &RotationDialog::validate);
    }
    connect(m_hours, &HourWindowsEditor::changed, this, &RotationDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RotationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RotationDialog::reject);

    // Tab order follows the form, top to bottom, with the pool button after its combo.
    setTabOrder(m_name, m_team);
    setTabOrder(m_team, m_pool);
    setTabOrder(m_pool, m_newPool);
    setTabOrder(m_newPool, m_timeZone);

    // A new rotation: the first team, a weekly Monday 09:00 handoff from next Monday.
    Rotation defaults;
    if (!m_teams.isEmpty()) {
        defaults.teamId = m_teams.first().id;
        defaults.timeZone = m_teams.first().timeZone;
    }
    if (!pools.isEmpty()) {
        defaults.opsPoolId = pools.first().id;
    }
    const QDate today = Clock::current().today();
    defaults.startDate = today.addDays(8 - today.dayOfWeek());
    setRotation(defaults);
    resize(560, sizeHint().height());
}

void RotationDialog::setRotation(const Rotation &r)
{
    m_rotation = r;
    setWindowTitle(r.id.isNull() ? tr("New Rotation") : tr("Edit %1").arg(r.name));
    m_name->setText(r.name);
    {
        const QSignalBlocker block(m_team);
        m_team->setCurrentIndex(m_team->findData(r.teamId.toString()));
    }
    m_pool->setCurrentIndex(m_pool->findData(r.opsPoolId.toString()));
    m_timeZone->setTimeZone(r.timeZone);
    m_autoZone = r.id.isNull() ? r.timeZone : QString();
    // The largest unit that divides the length evenly: 168 hours reads as 1 week.
    int unit = 0;
    for (int i = m_unit->count() - 1; i >= 0; --i) {
        if (r.shiftMinutes > 0 && r.shiftMinutes % m_unit->itemData(i).toInt() == 0) {
            unit = i;
            break;
        }
    }
    m_unit->setCurrentIndex(unit);
    m_length->setValue(std::max(1, r.shiftMinutes / m_unit->itemData(unit).toInt()));
    m_handoffDay->setCurrentIndex(m_handoffDay->findData(r.handoffWeekday));
    m_handoffTime->setTime(r.handoffTime);
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        m_activeDays.at(day - 1)->setChecked(r.isActiveOn(day));
    }
    m_startDate->setDate(r.startDate.isValid() ? r.startDate : Clock::current().today());
    m_hours->setWindows(r.windows);
    const RotationRules &rules = r.rules;
    m_minRest->setValue(rules.minRestHours);
    m_maxShifts->setValue(rules.maxShiftsPer4Weeks);
    m_concurrency->setValue(rules.opsConcurrency);
    m_noSamePair->setChecked(rules.noSamePairConsecutive);
    m_swapsNeedApproval->setChecked(rules.swapsNeedApproval);
    m_weekendWeight->setValue(rules.weekendWeight);
    m_holidayWeight->setValue(rules.holidayWeight);
    m_nightWeight->setValue(rules.nightWeight);
    m_nightStart->setTime(rules.nightStart);
    m_nightEnd->setTime(rules.nightEnd);
    m_freezeDays->setValue(rules.freezeDays);
    m_lookback->setValue(rules.lookbackWeeks);
    fillNewDevelopers(rules.newDevelopers);
    fillOnboarding(rules);
    fillPairChoices();
    setForbiddenPairs(rules.forbiddenPairs);
    setColor(r.color);
    validate();
}

void RotationDialog::setColor(const QString &color)
{
    const QSignalBlocker block(m_color);
    const QColor parsed = QColor::fromString(color);
    const QString key = parsed.isValid() ? parsed.name() : QString();
    int index = m_color->findData(key);
    if (index < 0) {
        QPixmap swatch(16, 16);
        swatch.fill(parsed);
        m_color->insertItem(m_color->count() - 1, QIcon(swatch), key, key);
        index = m_color->findData(key);
    }
    m_color->setCurrentIndex(index);
}

QString RotationDialog::personName(PersonId id) const
{
    for (const Person &p : m_people) {
        if (p.id == id) {
            return p.name;
        }
    }
    return tr("(removed)");
}

void RotationDialog::fillPairChoices()
{
    const TeamId team = TeamId::fromString(m_team->currentData().toString());
    QList<Person> people = m_people;
    std::sort(people.begin(), people.end(),
              [](const Person &a, const Person &b) { return a.name.localeAwareCompare(b.name) < 0; });
    m_forbidDev->clear();
    m_forbidOps->clear();
    for (const Person &p : std::as_const(people)) {
        if (p.role == Role::Developer && p.teams.contains(team)) {
            m_forbidDev->addItem(p.name, p.id.toString());
        }
        if (p.productionAccess) {
            m_forbidOps->addItem(p.name, p.id.toString());
        }
    }
    m_addForbidden->setEnabled(m_forbidDev->count() > 0 && m_forbidOps->count() > 0);
}

void RotationDialog::setForbiddenPairs(const QList<QPair<PersonId, PersonId>> &pairs)
{
    m_forbidden->clear();
    for (const auto &[dev, ops] : pairs) {
        auto *item = new QListWidgetItem(tr("%1 with %2").arg(personName(dev), personName(ops)), m_forbidden);
        item->setData(Qt::UserRole, dev.toString());
        item->setData(Qt::UserRole + 1, ops.toString());
    }
}

void RotationDialog::addForbiddenPair()
{
    const PersonId dev = PersonId::fromString(m_forbidDev->currentData().toString());
    const PersonId ops = PersonId::fromString(m_forbidOps->currentData().toString());
    if (dev.isNull() || ops.isNull()) {
        return;
    }
    QList<QPair<PersonId, PersonId>> pairs = rotation().rules.forbiddenPairs;
    if (!pairs.contains(qMakePair(dev, ops))) {
        pairs.append({dev, ops});
    }
    setForbiddenPairs(pairs);
    validate();
}

Rotation RotationDialog::rotation() const
{
    Rotation r = m_rotation;
    r.name = m_name->text().trimmed();
    r.teamId = TeamId::fromString(m_team->currentData().toString());
    r.opsPoolId = PoolId::fromString(m_pool->currentData().toString());
    r.timeZone = m_timeZone->timeZone();
    r.shiftMinutes = m_length->value() * m_unit->currentData().toInt();
    r.handoffWeekday = m_handoffDay->currentData().toInt();
    r.handoffTime = m_handoffTime->time();
    r.activeDays = 0;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        if (m_activeDays.at(day - 1)->isChecked()) {
            r.activeDays |= 1 << (day - 1);
        }
    }
    r.startDate = m_startDate->date();
    r.windows = m_hours->windows();
    RotationRules &rules = r.rules;
    rules.minRestHours = m_minRest->value();
    rules.maxShiftsPer4Weeks = m_maxShifts->value();
    rules.opsConcurrency = m_concurrency->value();
    rules.noSamePairConsecutive = m_noSamePair->isChecked();
    rules.swapsNeedApproval = m_swapsNeedApproval->isChecked();
    rules.newDevelopers.clear();
    for (int i = 0; i < m_newDevelopers->count(); ++i) {
        if (m_newDevelopers->item(i)->checkState() == Qt::Checked) {
            rules.newDevelopers.append(PersonId::fromString(m_newDevelopers->item(i)->data(Qt::UserRole).toString()));
        }
    }
    m_onboarding->apply(rules);
    rules.forbiddenPairs.clear();
    for (int i = 0; i < m_forbidden->count(); ++i) {
        const QListWidgetItem *item = m_forbidden->item(i);
        rules.forbiddenPairs.append({PersonId::fromString(item->data(Qt::UserRole).toString()),
                                     PersonId::fromString(item->data(Qt::UserRole + 1).toString())});
    }
    const QString color = m_color->currentData().toString();
    r.color = color == u"other" ? m_rotation.color : color;
    rules.weekendWeight = m_weekendWeight->value();
    rules.holidayWeight = m_holidayWeight->value();
    rules.nightWeight = m_nightWeight->value();
    rules.nightStart = m_nightStart->time();
    rules.nightEnd = m_nightEnd->time();
    rules.freezeDays = m_freezeDays->value();
    rules.lookbackWeeks = m_lookback->value();
    return r;
}

void RotationDialog::teamChanged()
{
    const TeamId team = TeamId::fromString(m_team->currentData().toString());
    // A new rotation follows its team's zone until the user picks another.
    if (m_timeZone->timeZone() == m_autoZone) {
        for (const Team &t : std::as_const(m_teams)) {
            if (t.id == team) {
                m_timeZone->setTimeZone(t.timeZone);
                m_autoZone = t.timeZone;
            }
        }
    }
    fillNewDevelopers(rotation().rules.newDevelopers);
    fillOnboarding(rotation().rules);
    fillPairChoices();
    validate();
}

void RotationDialog::fillNewDevelopers(const QList<PersonId> &checked)
{
    const TeamId team = TeamId::fromString(m_team->currentData().toString());
    QList<Person> developers;
    for (const Person &p : std::as_const(m_people)) {
        if (p.role == Role::Developer && p.active && p.teams.contains(team)) {
            developers.append(p);
        }
    }
    std::sort(developers.begin(), developers.end(),
              [](const Person &a, const Person &b) { return a.name.localeAwareCompare(b.name) < 0; });
    const QSignalBlocker block(m_newDevelopers);
    m_newDevelopers->clear();
    for (const Person &p : std::as_const(developers)) {
        auto *item = new QListWidgetItem(p.name, m_newDevelopers);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(p.id) ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, p.id.toString());
    }
}

void RotationDialog::fillOnboarding(const RotationRules &rules)
{
    const TeamId team = TeamId::fromString(m_team->currentData().toString());
    QList<Person> developers;
    for (const Person &p : std::as_const(m_people)) {
        if (p.role == Role::Developer && p.active && p.teams.contains(team)) {
            developers.append(p);
        }
    }
    std::sort(developers.begin(), developers.end(),
              [](const Person &a, const Person &b) { return a.name.localeAwareCompare(b.name) < 0; });
    m_onboarding->setChoices(developers, rules);
}

void RotationDialog::setOnboardingProgress(const QList<TraineeProgress> &progress)
{
    m_onboarding->setProgress(progress);
}

void RotationDialog::newPool()
{
    PoolDialog dialog(m_people, m_addPool, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const OpsPool pool = dialog.pool();
    m_pool->addItem(poolText(pool), pool.id.toString());
    m_pool->setCurrentIndex(m_pool->count() - 1);
    validate();
}

QWidget *RotationDialog::fieldWidget(const QString &field) const
{
    const QHash<QString, QWidget *> fields = {
        {Field::Name.toString(), m_name},
        {Field::Team.toString(), m_team},
        {Field::OpsPool.toString(), m_pool},
        {Field::TimeZone.toString(), m_timeZone},
        {Field::ShiftMinutes.toString(), m_length},
        {Field::HandoffWeekday.toString(), m_handoffDay},
        {Field::HandoffTime.toString(), m_handoffTime},
        {Field::ActiveDays.toString(), m_activeDaysBox},
        {Field::Windows.toString(), m_hours},
        {Field::StartDate.toString(), m_startDate},
        {Field::MinRestHours.toString(), m_minRest},
        {Field::MaxShiftsPer4Weeks.toString(), m_maxShifts},
        {Field::OpsConcurrency.toString(), m_concurrency},
        {Field::NewDevelopers.toString(), m_newDevelopers},
        {Field::ForbiddenPairs.toString(), m_forbidden},
        {Field::WeekendWeight.toString(), m_weekendWeight},
        {Field::HolidayWeight.toString(), m_holidayWeight},
        {Field::NightWeight.toString(), m_nightWeight},
        {Field::NightStart.toString(), m_nightStart},
        {Field::NightEnd.toString(), m_nightEnd},
        {Field::FreezeDays.toString(), m_freezeDays},
        {Field::LookbackWeeks.toString(), m_lookback},
    };
    return fields.value(field);
}

void RotationDialog::pointAt(QWidget *field)
{
    if (!field) {
        return;
    }
    // Show the tab that holds the field, then put the cursor in it.
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->isAncestorOf(field)) {
            m_tabs->setCurrentIndex(i);
        }
    }
    field->setFocus();
}

void RotationDialog::validate()
{
    const QList<Error> errors = validateRotation(rotation());
    QStringList messages;
    QSet<QWidget *> bad;
    for (const Error &error : errors) {
        // An empty name the user has not typed yet blocks OK without a message.
        if (error.field == Field::Name && m_name->text().isEmpty()) {
            continue;
        }
        messages.append(error.message);
        if (QWidget *field = fieldWidget(error.field)) {
            bad.insert(field);
        }
    }
    // Only the text fields get a red frame; a framed combo box or row of boxes reads worse.
    for (QWidget *field : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_timeZone)}) {
        field->setStyleSheet(bad.contains(field) ? u"border: 1px solid #b00020;"_s : QString());
    }
    if (m_pool->count() == 0) {
        messages.append(tr("Create an ops pool with “New Pool…” first."));
    }
    if (m_hours->isOnlyWithoutWindows()) {
        messages.append(tr("Hours: add a window, or choose “All the time”."));
    }
    m_message->setText(messages.join(u'\n'));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty() && !m_hours->isOnlyWithoutWindows());
}

void RotationDialog::accept()
{
    const Rotation r = rotation();
    if (const QList<Error> errors = validateRotation(r); !errors.isEmpty()) {
        validate();
        pointAt(fieldWidget(errors.first().field));
        return;
    }
    if (m_hours->isOnlyWithoutWindows()) {
        validate();
        pointAt(m_hours);
        return;
    }
    if (m_submit) {
        if (const Status status = m_submit(r); !status) {
            // The service's refusal (a name already used, a pool without members): say it and
            // point at the field; the dialog stays open.
            m_message->setText(status.errorMessage());
            pointAt(fieldWidget(status.error().field));
            return;
        }
    }
    m_rotation = r;
    QDialog::accept();
}

} // namespace Tandem
