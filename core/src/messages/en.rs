//! English texts. Plain, polite, second person; status texts verbatim from SPEC §3.

use super::Message::{self, *};

pub(super) fn text(message: Message) -> &'static str {
    match message {
        LabelNumber => "Card number",
        LabelExpiry => "Expiry date",
        LabelSecurityCode => "Security code",
        LabelName => "Name on card",
        LabelPostalCode => "Postal code",
        LabelCity => "City",
        LabelCountry => "Country",
        PlaceholderExpiry => "MM / YY",
        PlaceholderName => "JANE DOE",
        HintSecurityCode3 => "3 digits on the back of the card",
        HintSecurityCode4 => "4 digits on the front of the card",
        Processing => "Processing…",
        Checking => "Checking your payment status…",

        NumberRequired => "Please enter your card number.",
        NumberIncomplete => "Your card number is incomplete.",
        NumberInvalid => "Your card number is invalid. Please check it and try again.",
        NumberUnsupportedBrand => "This card brand is not supported. Please use another card.",
        ExpiryRequired => "Please enter the expiry date.",
        ExpiryIncomplete => "The expiry date is incomplete.",
        ExpiryInvalid => "The expiry date is invalid. Please enter it as MM / YY.",
        ExpiryMonthInvalid => "The expiry month must be between 01 and 12.",
        ExpiryExpired => "The expiry date is in the past. Please check it or use another card.",
        ExpiryTooFarAhead => "The expiry date is too far in the future. Please check it.",
        SecurityCodeRequired => "Please enter the security code.",
        SecurityCodeIncomplete => "The security code is incomplete.",
        SecurityCodeInvalid => "The security code is invalid.",
        SecurityCodeCheckFailed => {
            "The security code could not be verified. Please check the code on your card and try again."
        }
        NameRequired => "Please enter the name on the card.",
        NameTooLong => "The name is too long.",
        NameInvalid => "The name is invalid. Please enter it as printed on the card.",
        NameLooksLikeCardNumber => {
            "This looks like a card number. Please enter the name printed on the card."
        }
        BillingRequired => "Please fill in this field.",
        BillingTooLong => "This entry is too long.",
        BillingInvalid => "This entry is invalid. Please check it.",

        NetworkError => "We couldn't reach the payment service. Please check your connection and try again.",
        Timeout => "The payment service took too long to respond. Please try again.",
        ServiceUnavailable => "The payment service is temporarily unavailable. Please try again in a moment.",
        RateLimited => "There were too many attempts in a short time. Please wait a moment and try again.",
        InvalidResponse => "We received an unexpected response from the payment service. Please try again.",
        ConfigurationError => {
            "There is a problem with this shop's payment settings. You have not been charged. \
             Please contact the shop."
        }
        InvalidCard => "Your card details are invalid. Please check them and try again.",
        BrandNotSupported => "This card brand is not accepted here. Please use another card.",
        FailedFraudCheck => {
            "This card can't be used for this payment. Please use another card or contact your card issuer."
        }
        ValidationError => "Please check the highlighted fields.",
        BadRequest => "Your payment request could not be processed. Please try again.",
        NotFound => "We couldn't find this payment. Please contact the shop.",
        UsedToken => {
            "This card was already used for a payment attempt. Please enter your card details again."
        }
        UnsafeRedirect => {
            "We couldn't open the payment confirmation page because its address is not secure. \
             Please contact the shop."
        }
        NoAuthorizationNeeded => "This payment doesn't need any further confirmation.",
        Destroyed => "This payment step was closed before it finished. Please try again.",
        UnknownError => "Something went wrong. Please try again.",
        OrderFailed => "We couldn't place your order. Your card was not charged. Please try again.",
        Offline => {
            "You seem to be offline. Your card was not charged. Please check your connection and try again."
        }

        StatusReceived => "Your order was received and is awaiting payment confirmation.",
        StatusFailed => "Your payment failed and your order couldn't be processed.",
        StatusSuccessful => "Your payment is confirmed and your order is complete.",
        StatusReversed => {
            "Your payment was cancelled and the amount was not charged. Your order couldn't be completed."
        }

        FailureInsufficientFund => {
            "Your card's balance or credit limit is insufficient. Please try another card."
        }
        FailureStolenOrLostCard => {
            "This card can't be used. Please contact your card issuer or use another card."
        }
        FailureFailedProcessing => {
            "Your payment couldn't be processed. Please try again or use another card."
        }
        FailurePaymentRejected => {
            "Your payment was declined. Please try again, contact your card issuer, or use another \
             payment method."
        }
        FailureInvalidSecurityCode => {
            "The security code was incorrect. Please check the code on your card and try again."
        }
        FailureFraudCheck => "This payment couldn't be accepted. Please use another card or payment method.",
        FailureInvalidAccount => {
            "Your card or account details are invalid. Please check them or use another payment method."
        }
        FailurePaymentCancelled => {
            "The payment was cancelled. If you still want to place your order, please try again."
        }
        FailureTimeout => "The payment wasn't completed in time. Please try again.",
        FailureAmountMismatch => {
            "The confirmed amount did not match your order, so the payment was not completed. \
             Please try again or contact the shop."
        }
        FailureGeneric => {
            "Your payment couldn't be completed. Please try again or use another payment method."
        }

        FailureInsufficientBalanceOther => {
            "Your account or wallet balance is insufficient. Please top it up or use another payment method."
        }
        FailureDeclinedOther => {
            "Your bank or wallet declined this payment. Please try again or use another payment method."
        }
        FailureInvalidAccountOther => {
            "Your account details are invalid. Please check them or use another payment method."
        }
        StatusStillConfirming => {
            "We're still confirming your payment. You won't be charged twice, and you'll get an email \
             as soon as it's confirmed."
        }
        ActionCheckAgain => "Check again",
        ActionTryAgain => "Try again",
        ActionOtherMethod => "Use another payment method",
        PayWith => "Pay with",
        MethodCard => "Credit / debit card",
        MethodPromptpay => "PromptPay",
        MethodMobileBanking => "Mobile banking",
        MethodTruemoney => "TrueMoney",
        MethodLinepay => "Rabbit LINE Pay",
        MethodShopeepay => "ShopeePay",
        MethodPaypay => "PayPay",
        MethodKonbini => "Convenience store, Pay-easy or online banking",
        BankKbank => "Kasikornbank (K PLUS)",
        BankScb => "SCB (SCB EASY)",
        BankBay => "Krungsri (KMA)",
        BankBbl => "Bangkok Bank (Bualuang mBanking)",
        BankKtb => "Krungthai (Krungthai NEXT)",
        LabelBank => "Your bank",
        LabelPayerName => "Name",
        LabelEmail => "Email",
        LabelPhone => "Phone number",
        HintPayerName => "Up to 10 characters; it may be shown at the store",
        HintTruemoneyPhone => "The mobile number of your TrueMoney wallet",
        MethodRequired => "Please choose a payment method.",
        BankRequired => "Please choose your bank.",
        PayerNameRequired => "Please enter your name.",
        PayerNameTooLong => "Please use 10 characters or fewer.",
        PayerNameInvalid => "Please use only letters, digits, kana or kanji.",
        EmailRequired => "Please enter your email address.",
        EmailInvalid => "Please check your email address.",
        PhoneRequired => "Please enter your phone number.",
        PhoneInvalid => "Please check your phone number.",
        NotePromptpay => "You'll get a QR code to scan with any Thai banking app.",
        NoteMobileBanking => "Your bank's app opens so you can approve the payment.",
        NoteTruemoneyApp => "The TrueMoney app opens. Please confirm within 3 minutes.",
        NoteTruemoneyWallet => "You'll confirm with a one-time password sent by SMS.",
        NoteWallet => "You'll confirm the payment in your wallet.",
        NotePaypay => "PayPay opens so you can confirm. On a computer, scan its QR code with the PayPay app.",
        NoteKonbini => {
            "You'll get a payment number to pay at a convenience store, an ATM or online banking by the due date."
        }
        QrScan => "Scan this QR code with your banking app to pay.",
        QrScanPhone => "Paying on this phone? Save the QR image, then pick it from your photos in your banking app.",
        QrSave => "Save QR image",
        QrTimeLeft => "Time left to pay",
        QrMinutesLeft => "{} min left to pay.",
        QrExpired => "This QR code has expired and can no longer be paid.",
        QrNew => "Get a new QR code",
        LabelAmount => "Amount",
        KonbiniPayBy => "Pay by",
        KonbiniHow => "How to pay (opens in a new tab)",
        KonbiniAwaiting => {
            "Your order is confirmed and awaiting payment. Please pay by the date below; we'll email you \
             when your payment arrives."
        }
        UpdateReasonGeneric => "We couldn't charge your card for your last payment. Please enter a new card to continue.",
        UpdateReasonInsufficientFund => "Your last payment didn't go through: the card's balance or credit limit wasn't enough. Please enter another card.",
        UpdateReasonStolenOrLost => "Your card can no longer be used because it was reported lost or stolen. Please enter your new card.",
        UpdateReasonDeclined => "Your card issuer declined your last payment. Please enter another card.",
        UpdateReasonInvalidCard => "Your saved card details are no longer valid. Please enter your card again or use another one.",
        UpdateReasonSecurityCode => "The security code of your saved card didn't match. Please enter your card again.",
        UpdateReasonExpired => "Your saved card has expired. Please enter your new card.",
        ActionUpdateCard => "Update card",
        AuthorizationFailed => "Your card issuer declined a small verification of this card, so it couldn't be used. If it's a debit card, you may see a ¥100 charge that is refunded. Please check the card or use another one.",
        RefundPending => "Your refund has been requested and is being processed.",
        RefundSuccessful => "Your refund is complete. Depending on your card issuer, it takes 5–10 business days to appear on your statement.",
        RefundFailed => "We couldn't complete your refund. Please contact the shop.",
    }
}
