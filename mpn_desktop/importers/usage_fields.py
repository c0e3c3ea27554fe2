"""The fields of usage files, and which Partner Center file a header is (by names, not position).

PARTNER-CENTER-FILES.md § 10: a usage-based reconciliation file has
``PretaxCharges``, a license-based one ``SyndicationPartnerSubscriptionNumber``,
the daily rated usage file ``UsageDate`` and ``BillingPreTaxTotal``, the
new commerce invoice reconciliation file ``BillableQuantity`` and
``TermAndBillingCycle``, the Insights Azure usage download ``ACR_USD``, its
licence usage downloads ``PaidAvailableUnits`` and its Subscription details
download ``AvailableSeats``/``BilledRevenueUSD`` with ``Month``; anything else
is read as the plain sheet of DESIGN.md. Each kind of file has its own spellings for the same
field (its subscription is ``SubscriptionId`` in one and
``SyndicationPartnerSubscriptionNumber`` or ``EntitlementId`` in others).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.importers.columns import FieldSet, ImportField, header_key
from mpn_desktop.importers.dates import DateOrder


class UsageField(ImportField):
    """A field of a usage file (the plain sheet's names are the values)."""

    SUBSCRIPTION = "subscription"
    CUSTOMER = "customer"
    TENANT_ID = "tenant_id"
    WORKLOAD = "workload"
    ASSOCIATION = "association"
    ASSOCIATED_ON = "associated_on"
    MONTH = "month"
    DAY = "day"
    """The day a charge starts or the usage is of (its month is the row's month)."""
    SERVICE = "service"
    CONSUMPTION = "consumption_usd"
    REVENUE = "revenue_usd"
    ACTIVE_USERS = "active_users"
    PAID_SEATS = "paid_seats"
    CURRENCY = "currency"
    MPN_ID = "mpn_id"
    CHARGE_TYPE = "charge_type"
    INVOICE = "invoice"
    OFFER = "offer"
    UNIT_PRICE = "unit_price"
    CHARGE_END = "charge_end"
    SUBSCRIPTION_START = "subscription_start"
    DUPLICATE = "duplicate"
    FREE_SKU = "free_sku"
    """Insights licence downloads: ``Free`` marks a free SKU, whose seats never count."""
    QUALIFIERS = "qualifiers"
    """New commerce: ``ProductQualifiers`` (``["Trial"]`` marks a trial)."""
    PUBLISHER = "publisher"
    """New commerce: who publishes the product (only Microsoft's count)."""
    PLAN = "plan"
    """New commerce: ``SubscriptionDescription`` (``Azure plan`` on Azure lines)."""
    METER = "meter"
    """New commerce: ``MeterDescription``, written on usage-based (Azure) lines only."""

    @property
    def label(self) -> str:
        """The field's name in messages."""
        return _LABELS[self]


# Marked for the domain catalogue: the import wizard shows them in the chosen language.
_LABELS = {
    UsageField.SUBSCRIPTION: N_("subscription"),
    UsageField.CUSTOMER: N_("customer"),
    UsageField.TENANT_ID: N_("tenant ID"),
    UsageField.WORKLOAD: N_("workload"),
    UsageField.ASSOCIATION: N_("association"),
    UsageField.ASSOCIATED_ON: N_("associated on"),
    UsageField.MONTH: N_("month"),
    UsageField.DAY: N_("day"),
    UsageField.SERVICE: N_("service"),
    UsageField.CONSUMPTION: N_("consumption"),
    UsageField.REVENUE: N_("revenue"),
    UsageField.ACTIVE_USERS: N_("active users"),
    UsageField.PAID_SEATS: N_("paid seats"),
    UsageField.CURRENCY: N_("currency"),
    UsageField.MPN_ID: N_("MPN ID"),
    UsageField.CHARGE_TYPE: N_("charge type"),
    UsageField.INVOICE: N_("invoice"),
    UsageField.OFFER: N_("offer"),
    UsageField.UNIT_PRICE: N_("unit price"),
    UsageField.CHARGE_END: N_("charge end"),
    UsageField.SUBSCRIPTION_START: N_("subscription start"),
    UsageField.DUPLICATE: N_("duplicate"),
    UsageField.FREE_SKU: N_("free sku"),
    UsageField.QUALIFIERS: N_("qualifiers"),
    UsageField.PUBLISHER: N_("publisher"),
    UsageField.PLAN: N_("plan"),
    UsageField.METER: N_("meter"),
}

F = UsageField
_AMOUNTS = (F.CONSUMPTION, F.REVENUE, F.ACTIVE_USERS, F.PAID_SEATS, F.UNIT_PRICE)
_DATES = (F.DAY, F.ASSOCIATED_ON, F.CHARGE_END, F.SUBSCRIPTION_START)
_MPN = (F.MPN_ID, ("MpnId", "MPNID", "MPN ID", "mpn_id"))

USAGE_RECON = "usage-recon"
LICENSE_RECON = "license-recon"
DAILY_RATED = "daily-rated"
INSIGHTS_AZURE = "insights-azure"
INSIGHTS_LICENCES = "insights-licences"
NEW_COMMERCE = "new-commerce"
INSIGHTS_SUBSCRIPTIONS = "insights-subscriptions"
INSIGHTS_COMPETENCY = "insights-competency"
SHEET = "sheet"

# The spellings Partner Center's files share, once: its billing files (the
# reconciliation files, the daily rated usage) and its Insights downloads each
# spell a field the same way; a kind of file takes the fields it has from one of
# the two and adds its own. Which spelling of a field comes first does not matter:
# the first column of the file that fits the field wins (columns.suggest_mapping).
_BILLING: dict[ImportField, tuple[str, ...]] = {
    F.SUBSCRIPTION: ("SubscriptionId",),
    F.CUSTOMER: ("CustomerName", "CustomerCompanyName"),
    F.TENANT_ID: ("CustomerId",),
    F.DAY: ("ChargeStartDate",),
    # Read for its dates: a cycle's last day (1/31/2019) tells month-first from day-first,
    # which ChargeStartDate (always the 1st) never does.
    F.CHARGE_END: ("ChargeEndDate",),
    F.SUBSCRIPTION_START: ("SubscriptionStartDate",),
    # Subtotal is before tax (Total adds the tax).
    F.REVENUE: ("Subtotal",),
    F.PAID_SEATS: ("Quantity",),
    F.CHARGE_TYPE: ("ChargeType",),
    F.CURRENCY: ("Currency",),
    F.INVOICE: ("InvoiceNumber",),
}
_INSIGHTS: dict[ImportField, tuple[str, ...]] = {
    F.SUBSCRIPTION: ("SubscriptionId",),
    F.CUSTOMER: ("CustomerName",),
    F.TENANT_ID: ("CustomerTenantId",),
    F.MONTH: ("Month",),
    F.ASSOCIATION: ("PartnerAttributionType",),
    F.DUPLICATE: ("IsDuplicateRowForPGA",),
}


def _taking(
    shared: Mapping[ImportField, tuple[str, ...]], *fields: ImportField
) -> dict[ImportField, tuple[str, ...]]:
    """The shared spellings of ``fields`` (all of ``shared`` when none are named)."""
    return {field: shared[field] for field in fields or tuple(shared)}


_HEADERS: dict[str, dict[ImportField, tuple[str, ...]]] = {
    USAGE_RECON: {
        **_taking(
            _BILLING,
            F.SUBSCRIPTION,
            F.CUSTOMER,
            F.TENANT_ID,
            F.DAY,
            F.CHARGE_END,
            F.CHARGE_TYPE,
            F.CURRENCY,
            F.INVOICE,
        ),
        F.SERVICE: ("ServiceName",),
        F.CONSUMPTION: ("PretaxCharges",),
    },
    LICENSE_RECON: {
        **_taking(
            _BILLING,
            F.CUSTOMER,
            F.TENANT_ID,
            F.DAY,
            F.CHARGE_END,
            F.SUBSCRIPTION_START,
            F.REVENUE,
            F.PAID_SEATS,
            F.CHARGE_TYPE,
            F.CURRENCY,
        ),
        F.SUBSCRIPTION: (
            "SyndicationPartnerSubscriptionNumber",
            "Syndication_Partner_Subscription_Number",
        ),
        F.UNIT_PRICE: ("UnitPrice",),
        F.OFFER: ("OfferName",),
    },
    DAILY_RATED: {
        **_taking(_BILLING, F.CUSTOMER, F.TENANT_ID, F.INVOICE),
        F.SUBSCRIPTION: ("EntitlementId",),
        F.DAY: ("UsageDate", "Usage Date"),
        F.SERVICE: ("MeterCategory", "Meter Category"),
        F.CONSUMPTION: ("BillingPreTaxTotal", "Billing pre tax"),
        F.CURRENCY: ("BillingCurrency", "Billing currency"),
    },
    INSIGHTS_AZURE: {
        **_taking(_INSIGHTS, F.SUBSCRIPTION, F.CUSTOMER, F.TENANT_ID, F.MONTH, F.ASSOCIATION),
        F.SERVICE: ("ServiceName", "ServiceLevel1", "MeterCategory"),
        F.CONSUMPTION: ("ACR_USD",),
        F.DUPLICATE: ("IsACRDuplicateAtPGALevel",),
    },
    # The Office 365 and Enterprise Mobility licence usage downloads: seats and active
    # users per month, per subscription (EMS, 2023) or per tenant and workload (Office 365).
    INSIGHTS_LICENCES: {
        **_taking(_INSIGHTS),
        F.SERVICE: ("WorkloadName", "SKU"),
        F.PAID_SEATS: ("PaidAvailableUnits",),
        F.ACTIVE_USERS: ("MonthlyActiveUsers",),
        F.FREE_SKU: ("FreeVsPaidSKU",),
    },
    # PARTNER-CENTER-FILES.md § 4: seats and charges of new-commerce licences, one line per
    # charge (new, renew, cycleCharge, addQuantity, removeQuantity, cancelImmediate, ...).
    NEW_COMMERCE: {
        **_taking(_BILLING),
        F.OFFER: ("ProductName",),
        F.QUALIFIERS: ("ProductQualifiers",),
        F.PUBLISHER: ("PublisherName",),
        F.PLAN: ("SubscriptionDescription",),
        F.METER: ("MeterDescription",),
    },
    # PARTNER-CENTER-FILES.md § 6: per SubscriptionId and Month. Product is read as the
    # offer (its workload: "O365", "Microsoft 365", "D365", "Enterprise Mobility", "Microsoft
    # Azure"; Power BI is none). Paid seats are AvailableSeatsEOP, the seats at the end of the
    # month (2023); the 2020 file's AvailableSeats was the current seats, but the 2023 one is
    # the month-on-month difference, so a header with AvailableSeatsEOP reads only that
    # (``recognise``). Active users: CPORActiveUsers, the report's only user count, filled
    # for subscriptions attached through CPOR (0 otherwise) -- a reading, not documented.
    INSIGHTS_SUBSCRIPTIONS: {
        **_taking(_INSIGHTS),
        F.SUBSCRIPTION: ("SubscriptionId", "SubscriptionGuid"),
        F.SUBSCRIPTION_START: ("SubscriptionStartDate",),
        F.OFFER: ("Product",),
        F.CONSUMPTION: ("AzureConsumedRevenueUSD",),
        F.REVENUE: ("BilledRevenueUSD", "RevenueUSD"),
        F.PAID_SEATS: ("AvailableSeatsEOP", "AvailableSeats"),
        F.ACTIVE_USERS: ("CPORActiveUsers",),
    },
    # § 6: Microsoft's own metric per competency option and month (MetricMonthlyContribution,
    # TTMAggregate, thresholds): no subscription, customer or workload, so no usage to import;
    # recognised only to say so (``_REFUSED``).
    INSIGHTS_COMPETENCY: _taking(_INSIGHTS, F.MONTH),
    SHEET: {
        F.SUBSCRIPTION: ("subscription", "Subscription ID", "Subscription Id", "SubscriptionId"),
        F.CUSTOMER: ("customer", "Customer Name", "Company Name", "CustomerName"),
        F.TENANT_ID: ("tenant_id", "Tenant ID", "Customer Tenant ID", "CustomerTenantId"),
        F.WORKLOAD: ("workload", "Product", "Cloud Product"),
        F.ASSOCIATION: ("association", "Association Type", "Attribution"),
        F.ASSOCIATED_ON: ("associated_on", "Associated On", "Association Date"),
        F.MONTH: ("month", "Usage Month"),
        F.SERVICE: ("service", "Service Name"),
        F.CONSUMPTION: (
            "consumption_usd",
            "Consumption",
            "Consumption USD",
            "Azure Consumption",
            "ACR",
        ),
        F.REVENUE: ("revenue_usd", "Revenue", "Revenue USD"),
        F.ACTIVE_USERS: ("active_users", "Active Users", "Monthly Active Users"),
        F.PAID_SEATS: ("paid_seats", "Paid Seats", "Seats", "Licenses"),
        F.CURRENCY: ("currency",),
    },
}
_DESCRIPTIONS = {
    USAGE_RECON: N_("a usage-based reconciliation file (Azure in CSP)"),
    LICENSE_RECON: N_("a license-based reconciliation file (seats in CSP)"),
    DAILY_RATED: N_("a daily rated usage file (Azure plan)"),
    INSIGHTS_AZURE: N_("an Insights Azure usage download"),
    INSIGHTS_LICENCES: N_("an Insights licence usage download (Office 365 or EMS)"),
    NEW_COMMERCE: N_("a new commerce invoice reconciliation file (licences in CSP)"),
    INSIGHTS_SUBSCRIPTIONS: N_("an Insights Subscription details download"),
    INSIGHTS_COMPETENCY: N_("an Insights Competency performance download"),
    SHEET: N_("a usage sheet"),
}
# The plain sheet's columns named only "Subscription", "Customer", "Month"... all fit
# above; a hand-kept sheet may also say just "Date" for the month.
_PLAIN = {header_key("Date"): F.MONTH, header_key("Period"): F.MONTH}


def _needs(columns: Mapping[ImportField, int]) -> list[str]:
    needs = []
    if F.SUBSCRIPTION not in columns:
        needs.append(_("a subscription column"))
    if F.MONTH not in columns and F.DAY not in columns:
        needs.append(_("a month column"))
    if not any(f in columns for f in (F.CONSUMPTION, F.REVENUE, F.ACTIVE_USERS, F.PAID_SEATS)):
        needs.append(_("a consumption, revenue, active users or paid seats column"))
    return needs


def _licence_needs(columns: Mapping[ImportField, int]) -> list[str]:
    """Office 365 licence usage is per tenant: its tenant stands for the subscription."""
    if F.SUBSCRIPTION in columns or F.TENANT_ID not in columns:
        return _needs(columns)
    return _needs({**columns, F.SUBSCRIPTION: columns[F.TENANT_ID]})


_REFUSED = {
    INSIGHTS_COMPETENCY: N_(
        "usage per subscription, which an Insights Competency performance "
        "download does not hold (it holds Microsoft's own metric per competency and month; "
        "import the Insights Azure usage, licence usage or Subscription details download instead)"
    ),
}


def _field_set(source: str) -> FieldSet:
    headers: dict[ImportField, tuple[str, ...]] = dict(_HEADERS[source])
    headers[_MPN[0]] = _MPN[1]
    return FieldSet(
        noun="usage line",
        fields=UsageField,
        headers=headers,
        needs=_licence_needs if source == INSIGHTS_LICENCES else _needs,
        dates=_DATES,
        plain=_PLAIN if source == SHEET else {},
        mpn_id=F.MPN_ID,
        amounts=_AMOUNTS,
        source=source,
        description=_DESCRIPTIONS[source],
        # The reconciliation files write M/D/YYYY (PARTNER-CENTER-FILES.md § 1, § 4).
        date_order=DateOrder.MONTH_FIRST
        if source in (USAGE_RECON, LICENSE_RECON, NEW_COMMERCE)
        else None,
        required=(F.SUBSCRIPTION, F.MONTH, F.CONSUMPTION),
        refused=_REFUSED.get(source, ""),
    )


FIELD_SETS = {source: _field_set(source) for source in _HEADERS}
_SUBSCRIPTIONS_EOP = replace(
    FIELD_SETS[INSIGHTS_SUBSCRIPTIONS],
    headers={
        **FIELD_SETS[INSIGHTS_SUBSCRIPTIONS].headers,
        F.PAID_SEATS: ("AvailableSeatsEOP",),
    },
)
"""The 2023 Subscription details: its AvailableSeats is a month-on-month difference, not seats."""


def recognise(header: Sequence[str]) -> FieldSet:
    """The fields of the kind of file ``header`` is the header line of (the sheet if none)."""
    keys = {header_key(name) for name in header}

    def has(*names: str) -> bool:
        return all(header_key(name) in keys for name in names)

    if has("SyndicationPartnerSubscriptionNumber"):
        return FIELD_SETS[LICENSE_RECON]
    if has("PretaxCharges"):
        return FIELD_SETS[USAGE_RECON]
    if has("UsageDate", "BillingPreTaxTotal"):
        return FIELD_SETS[DAILY_RATED]
    if has("ACR_USD"):
        return FIELD_SETS[INSIGHTS_AZURE]
    if has("PaidAvailableUnits", "Month"):
        return FIELD_SETS[INSIGHTS_LICENCES]
    if has("CompetencyName", "MetricName", "Month"):
        return FIELD_SETS[INSIGHTS_COMPETENCY]
    if has("BillableQuantity", "TermAndBillingCycle"):
        return FIELD_SETS[NEW_COMMERCE]
    # Its subscription column too: a sheet named as --map's fields (month, revenue_usd)
    # reads alike otherwise, and was refused for lacking a subscription column.
    details_of = has("SubscriptionId") or has("SubscriptionGuid")
    seats_or_revenue = has("AvailableSeats") or has("BilledRevenueUSD") or has("RevenueUSD")
    if details_of and has("Month") and seats_or_revenue:
        if has("AvailableSeatsEOP"):
            return _SUBSCRIPTIONS_EOP
        return FIELD_SETS[INSIGHTS_SUBSCRIPTIONS]
    return FIELD_SETS[SHEET]
