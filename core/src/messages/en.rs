//! English texts. Plain, polite, second person; status texts verbatim from SPEC §3.

use super::Message::{self, *};

pub(super) const fn text(message: Message) -> &'static str {
    match message {
        LabelNumber => checkout_only!("Card number"),
        LabelExpiry => checkout_only!("Expiry date"),
        LabelSecurityCode => checkout_only!("Security code"),
        LabelName => checkout_only!("Name on card"),
        LabelPostalCode => checkout_only!("Postal code"),
        LabelCity => checkout_only!("City"),
        LabelCountry => checkout_only!("Country"),
        PlaceholderExpiry => checkout_only!("MM / YY"),
        PlaceholderName => checkout_only!("JANE DOE"),
        HintSecurityCode3 => checkout_only!("3 digits on the back of the card"),
        HintSecurityCode4 => checkout_only!("4 digits on the front of the card"),
        Processing => checkout_only!("Processing…"),
        Checking => "Checking your payment status…",

        NumberRequired => checkout_only!("Please enter your card number."),
        NumberIncomplete => checkout_only!("Your card number is incomplete."),
        NumberInvalid => checkout_only!("Your card number is invalid. Please check it and try again."),
        NumberUnsupportedBrand => checkout_only!("This card brand is not supported. Please use another card."),
        ExpiryRequired => checkout_only!("Please enter the expiry date."),
        ExpiryIncomplete => checkout_only!("The expiry date is incomplete."),
        ExpiryInvalid => checkout_only!("The expiry date is invalid. Please enter it as MM / YY."),
        ExpiryMonthInvalid => checkout_only!("The expiry month must be between 01 and 12."),
        ExpiryExpired => checkout_only!("The expiry date is in the past. Please check it or use another card."),
        ExpiryTooFarAhead => checkout_only!("The expiry date is too far in the future. Please check it."),
        SecurityCodeRequired => checkout_only!("Please enter the security code."),
        SecurityCodeIncomplete => checkout_only!("The security code is incomplete."),
        SecurityCodeInvalid => checkout_only!("The security code is invalid."),
        SecurityCodeCheckFailed => {
            "The security code could not be verified. Please check the code on your card and try again."
        }
        NameRequired => checkout_only!("Please enter the name on the card."),
        NameTooLong => checkout_only!("The name is too long."),
        NameInvalid => checkout_only!("The name is invalid. Please enter it as printed on the card."),
        NameLooksLikeCardNumber => checkout_only!({
            "This looks like a card number. Please enter the name printed on the card."
        }),
        BillingRequired => checkout_only!("Please fill in this field."),
        BillingTooLong => checkout_only!("This entry is too long."),
        BillingInvalid => checkout_only!("This entry is invalid. Please check it."),

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
        PayWith => checkout_only!("Pay with"),
        MethodCard => checkout_only!("Credit / debit card"),
        MethodPromptpay => "PromptPay",
        MethodMobileBanking => checkout_only!("Mobile banking"),
        MethodTruemoney => checkout_only!("TrueMoney"),
        MethodLinepay => checkout_only!("Rabbit LINE Pay"),
        MethodShopeepay => checkout_only!("ShopeePay"),
        MethodPaypay => checkout_only!("PayPay"),
        MethodKonbini => checkout_only!("Convenience store, Pay-easy or online banking"),
        BankKbank => checkout_only!("Kasikornbank (K PLUS)"),
        BankScb => checkout_only!("SCB (SCB EASY)"),
        BankBay => checkout_only!("Krungsri (KMA)"),
        BankBbl => checkout_only!("Bangkok Bank (Bualuang mBanking)"),
        BankKtb => checkout_only!("Krungthai (Krungthai NEXT)"),
        LabelBank => checkout_only!("Your bank"),
        LabelPayerName => checkout_only!("Name"),
        LabelEmail => checkout_only!("Email"),
        LabelPhone => checkout_only!("Phone number"),
        HintPayerName => checkout_only!("Up to 10 characters; it may be shown at the store"),
        HintTruemoneyPhone => checkout_only!("The mobile number of your TrueMoney wallet"),
        MethodRequired => checkout_only!("Please choose a payment method."),
        BankRequired => checkout_only!("Please choose your bank."),
        NoMethodFits => checkout_only!("No payment method is available for this amount."),
        PayerNameRequired => checkout_only!("Please enter your name."),
        PayerNameTooLong => checkout_only!("Please use 10 characters or fewer."),
        PayerNameInvalid => checkout_only!("Please use only letters, digits, kana or kanji."),
        EmailRequired => checkout_only!("Please enter your email address."),
        EmailInvalid => checkout_only!("Please check your email address."),
        PhoneRequired => checkout_only!("Please enter your phone number."),
        PhoneInvalid => checkout_only!("Please check your phone number."),
        NotePromptpay => checkout_only!("You'll get a QR code to scan with any Thai banking app."),
        NoteMobileBanking => checkout_only!("Your bank's app opens so you can approve the payment."),
        NoteTruemoneyApp => checkout_only!("The TrueMoney app opens. Please confirm within 3 minutes."),
        NoteTruemoneyWallet => checkout_only!("You'll confirm with a one-time password sent by SMS."),
        NoteWallet => checkout_only!("You'll confirm the payment in your wallet."),
        NotePaypay => checkout_only!("PayPay opens so you can confirm. On a computer, scan its QR code with the PayPay app."),
        NoteKonbini => checkout_only!({
            "You'll get a payment number to pay at a convenience store, an ATM or online banking by the due date."
        }),
        QrScan => views_only!("Scan this QR code with your banking app to pay."),
        QrScanPhone => views_only!("Paying on this phone? Save the QR image, then pick it from your photos in your banking app."),
        QrSave => views_only!("Save QR image"),
        QrTimeLeft => views_only!("Time left to pay"),
        QrMinutesLeft => views_only!("{} min left to pay."),
        QrExpired => views_only!("This QR code has expired and can no longer be paid."),
        QrNew => views_only!("Get a new QR code"),
        LabelAmount => views_only!("Amount"),
        KonbiniPayBy => views_only!("Pay by"),
        KonbiniHow => views_only!("How to pay (opens in a new tab)"),
        KonbiniAwaiting => views_only!({
            "Your order is confirmed and awaiting payment. Please pay by the date below; we'll email you \
             when your payment arrives."
        }),
        UpdateReasonGeneric => checkout_only!("We couldn't charge your card for your last payment. Please enter a new card to continue."),
        UpdateReasonInsufficientFund => checkout_only!("Your last payment didn't go through: the card's balance or credit limit wasn't enough. Please enter another card."),
        UpdateReasonStolenOrLost => checkout_only!("Your card can no longer be used because it was reported lost or stolen. Please enter your new card."),
        UpdateReasonDeclined => checkout_only!("Your card issuer declined your last payment. Please enter another card."),
        UpdateReasonInvalidCard => checkout_only!("Your saved card details are no longer valid. Please enter your card again or use another one."),
        UpdateReasonSecurityCode => checkout_only!("The security code of your saved card didn't match. Please enter your card again."),
        UpdateReasonExpired => checkout_only!("Your saved card has expired. Please enter your new card."),
        ActionUpdateCard => checkout_only!("Update card"),
        AuthorizationFailed => "Your card issuer declined a small verification of this card, so it couldn't be used. If it's a debit card, you may see a ¥100 charge that is refunded. Please check the card or use another one.",
        RefundPending => "Your refund has been requested and is being processed.",
        RefundSuccessful => "Your refund is complete. Depending on your card issuer, it takes 5–10 business days to appear on your statement.",
        RefundFailed => "We couldn't complete your refund. Please contact the shop.",
    }
}
