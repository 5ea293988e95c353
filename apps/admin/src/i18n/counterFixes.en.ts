// English texts added with the audit fixes of the counter pages; merged over counter.en.ts (see counterFixes.zh.ts).
export const counterFixesEn = {
  gongji: {
    errors: {
      network: 'Cannot reach the server; check the network or try again later',
      unavailable: 'The server cannot handle the request right now; please try again shortly',
      unauthenticated: 'Your session has expired; please sign in again',
      relogin: 'Sign in again',
      retry: 'Retry',
    },
    persons: {
      no_transactions: 'No transactions yet',
    },
    transactions: {
      date_range_inverted: 'The start date is after the end date, so nothing can match. Adjust the dates.',
      self: 'Self',
      counterpart: 'Patient / payer',
      whole_amount: 'Transaction amount',
      own_amount: 'Own accounts',
      reversals: 'Refunds and cancellation',
      reversals_none: 'None',
      cancelled_whole: 'Cancelled (the whole %{amount} was returned)',
    },
    person_form: {
      initial_password_title: 'Initial payment password',
      initial_password_label: 'Initial payment password of %{name} (6 digits):',
      initial_password_sms: 'The same password was sent by SMS to %{phone}.',
      draft_restored: 'What you typed before the session expired was restored; check it, then save.',
      draft_discard: 'Clear',
      name_required: 'Enter the name; it cannot be cleared',
      phone_not_removable: 'A phone number cannot be removed, only replaced with a new number',
    },
    wallet_actions: {
      activate: 'Confirm wallet',
      change: 'Change usage region',
      activate_title: 'Confirm the medical-insurance wallet',
      activate_help:
        'The insured confirms the wallet: usage region and bound phone (R-WAL-5). Changing the region later is possible only where the province allows it (R-WAL-2).',
      usage_region: 'Usage region (pooling-region code)',
      usage_region_hint: '6-digit region code; the wallet must be open there (R-WAL-3)',
      phone: 'Bound phone',
      activated: 'Wallet confirmed',
      transfer: 'Wallet transfer',
      transfer_title: 'Wallet transfer',
      transfer_help:
        "From %{name}'s account to a near relative's wallet (R-WAL-3..6). The wallet must be open in both regions; the recipient must be a near relative with a confirmed wallet.",
      recipient_id_number: "Recipient's ID number",
      amount: 'Amount (yuan)',
      source: 'Source',
      source_EARMARKED: 'Own personal account',
      source_WALLET: 'Own wallet balance',
      verification: 'Verification',
      verification_FACE: 'Face check',
      verification_CODE_PASSWORD: 'Medical-insurance code password',
      transferred: 'Transfer done: %{amount}',
    },
    settle: {
      patient_is_their: 'the patient is their %{relation}',
      account_locked:
        'Account payment is locked after too many wrong payment passwords (R-ACC-7): a bill paid from the account will be refused. Unlock it under "Payment password" first.',
    },
    policy: {
      timeline_forbidden:
        'Your role may not view the policy version timeline (administrators and analysts only)',
    },
  },
};
