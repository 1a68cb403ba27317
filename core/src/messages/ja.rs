//! Japanese texts, in polite です/ます form; status texts verbatim from SPEC §3 (seed 002).

use super::Message::{self, *};

pub(super) const fn text(message: Message) -> &'static str {
    match message {
        LabelNumber => checkout_only!("カード番号"),
        LabelExpiry => checkout_only!("有効期限"),
        LabelSecurityCode => checkout_only!("セキュリティコード"),
        LabelName => checkout_only!("カード名義人"),
        LabelPostalCode => checkout_only!("郵便番号"),
        LabelCity => checkout_only!("市区町村"),
        LabelCountry => checkout_only!("国"),
        PlaceholderExpiry => checkout_only!("MM / YY"),
        PlaceholderName => checkout_only!("TARO YAMADA"),
        HintSecurityCode3 => checkout_only!("カード裏面の3桁の数字"),
        HintSecurityCode4 => checkout_only!("カード表面の4桁の数字"),
        Processing => checkout_only!("処理しています…"),
        Checking => "お支払い状況を確認しています…",

        NumberRequired => checkout_only!("カード番号を入力してください。"),
        NumberIncomplete => checkout_only!("カード番号が最後まで入力されていません。"),
        NumberInvalid => checkout_only!("カード番号が正しくありません。ご確認のうえ、もう一度お試しください。"),
        NumberUnsupportedBrand => checkout_only!("このカードブランドはご利用いただけません。別のカードをお使いください。"),
        ExpiryRequired => checkout_only!("有効期限を入力してください。"),
        ExpiryIncomplete => checkout_only!("有効期限が最後まで入力されていません。"),
        ExpiryInvalid => checkout_only!("有効期限が正しくありません。MM / YY の形式で入力してください。"),
        ExpiryMonthInvalid => checkout_only!("有効期限の月は01から12の間で入力してください。"),
        ExpiryExpired => checkout_only!("有効期限が過ぎています。ご確認いただくか、別のカードをお使いください。"),
        ExpiryTooFarAhead => checkout_only!("有効期限が先すぎます。ご確認ください。"),
        SecurityCodeRequired => checkout_only!("セキュリティコードを入力してください。"),
        SecurityCodeIncomplete => checkout_only!("セキュリティコードが最後まで入力されていません。"),
        SecurityCodeInvalid => checkout_only!("セキュリティコードが正しくありません。"),
        SecurityCodeCheckFailed => {
            "セキュリティコードを確認できませんでした。カードに記載のコードをご確認のうえ、もう一度お試しください。"
        }
        NameRequired => checkout_only!("カード名義人を入力してください。"),
        NameTooLong => checkout_only!("カード名義人が長すぎます。"),
        NameInvalid => checkout_only!("カード名義人が正しくありません。カードに記載のとおりに入力してください。"),
        NameLooksLikeCardNumber => checkout_only!({
            "カード番号のようです。カードに記載されている名義人のお名前を入力してください。"
        }),
        BillingRequired => checkout_only!("この項目を入力してください。"),
        BillingTooLong => checkout_only!("入力内容が長すぎます。"),
        BillingInvalid => checkout_only!("入力内容が正しくありません。ご確認ください。"),

        NetworkError => {
            "決済サービスに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。"
        }
        Timeout => "決済サービスからの応答に時間がかかっています。もう一度お試しください。",
        ServiceUnavailable => {
            "決済サービスが一時的にご利用いただけません。しばらくしてからもう一度お試しください。"
        }
        RateLimited => "短時間に多くの操作が行われました。しばらく待ってからもう一度お試しください。",
        InvalidResponse => "決済サービスから予期しない応答がありました。もう一度お試しください。",
        ConfigurationError => {
            "ショップの決済設定に問題があります。料金は請求されていません。お手数ですが、ショップにお問い合わせください。"
        }
        InvalidCard => "カード情報が正しくありません。ご確認のうえ、もう一度お試しください。",
        BrandNotSupported => {
            "このカードブランドはこちらではご利用いただけません。別のカードをお使いください。"
        }
        FailedFraudCheck => {
            "このカードは今回のお支払いにご利用いただけません。別のカードをお使いいただくか、カード発行会社にお問い合わせください。"
        }
        ValidationError => "強調表示された項目をご確認ください。",
        BadRequest => "お支払いのリクエストを処理できませんでした。もう一度お試しください。",
        NotFound => "このお支払いが見つかりませんでした。ショップにお問い合わせください。",
        UsedToken => {
            "このカード情報はすでにお支払いの手続きに使用されています。カード情報をもう一度入力してください。"
        }
        UnsafeRedirect => {
            "お支払い確認ページのアドレスが安全ではないため、開くことができませんでした。ショップにお問い合わせください。"
        }
        NoAuthorizationNeeded => "このお支払いには追加の確認は必要ありません。",
        Destroyed => "処理が完了する前に画面が閉じられました。もう一度お試しください。",
        UnknownError => "エラーが発生しました。もう一度お試しください。",
        OrderFailed => {
            "ご注文を確定できませんでした。カードへの請求は行われていません。もう一度お試しください。"
        }
        Offline => {
            "インターネットに接続されていないようです。カードへの請求は行われていません。\
             接続をご確認のうえ、もう一度お試しください。"
        }

        StatusReceived => "ご注文を受け付けました。お支払いの確認をお待ちしています。",
        StatusFailed => "お支払いに失敗したため、ご注文を処理できませんでした。",
        StatusSuccessful => "お支払いが確認され、ご注文が完了しました。",
        StatusReversed => "お支払いは取り消され、代金は請求されていません。ご注文は完了しませんでした。",

        FailureInsufficientFund => {
            "カードの残高または利用限度額が不足しています。別のカードをお試しください。"
        }
        FailureStolenOrLostCard => {
            "このカードはご利用いただけません。カード発行会社にお問い合わせいただくか、別のカードをお使いください。"
        }
        FailureFailedProcessing => {
            "お支払いを処理できませんでした。もう一度お試しいただくか、別のカードをお使いください。"
        }
        FailurePaymentRejected => {
            "お支払いが承認されませんでした。もう一度お試しください。それでも承認されない場合は、カード発行会社にお問い合わせいただくか、別のお支払い方法をお使いください。"
        }
        FailureInvalidSecurityCode => {
            "セキュリティコードが正しくありませんでした。カードに記載のコードをご確認のうえ、もう一度お試しください。"
        }
        FailureFraudCheck => {
            "このお支払いはお受けできませんでした。別のカードまたはお支払い方法をお使いください。"
        }
        FailureInvalidAccount => {
            "カードまたは口座の情報が正しくありません。ご確認いただくか、別のお支払い方法をお使いください。"
        }
        FailurePaymentCancelled => {
            "お支払いはキャンセルされました。引き続きご注文される場合は、もう一度お手続きください。"
        }
        FailureTimeout => "お支払いが時間内に完了しませんでした。もう一度お試しください。",
        FailureAmountMismatch => {
            "確認された金額がご注文の金額と一致しなかったため、お支払いは完了しませんでした。もう一度お試しいただくか、ショップにお問い合わせください。"
        }
        FailureGeneric => {
            "お支払いを完了できませんでした。もう一度お試しいただくか、別のお支払い方法をお使いください。"
        }

        FailureInsufficientBalanceOther => "口座またはウォレットの残高が足りません。チャージするか、別のお支払い方法をご利用ください。",
        FailureDeclinedOther => "銀行またはウォレットでお支払いが承認されませんでした。もう一度お試しいただくか、別のお支払い方法をご利用ください。",
        FailureInvalidAccountOther => "口座情報に誤りがあります。内容をご確認いただくか、別のお支払い方法をご利用ください。",
        StatusStillConfirming => "お支払いの確認にお時間をいただいています。二重に請求されることはありません。確認が済みしだいメールでお知らせします。",
        ActionCheckAgain => "もう一度確認する",
        ActionTryAgain => "もう一度試す",
        ActionOtherMethod => "別のお支払い方法を選ぶ",
        PayWith => checkout_only!("お支払い方法"),
        MethodCard => checkout_only!("クレジット / デビットカード"),
        MethodPromptpay => "PromptPay",
        MethodMobileBanking => checkout_only!("モバイルバンキング"),
        MethodTruemoney => checkout_only!("TrueMoney"),
        MethodLinepay => checkout_only!("Rabbit LINE Pay"),
        MethodShopeepay => checkout_only!("ShopeePay"),
        MethodPaypay => checkout_only!("PayPay"),
        MethodKonbini => checkout_only!("コンビニ・Pay-easy・ネットバンキング"),
        BankKbank => checkout_only!("カシコン銀行（K PLUS）"),
        BankScb => checkout_only!("サイアム商業銀行（SCB EASY）"),
        BankBay => checkout_only!("アユタヤ銀行（KMA）"),
        BankBbl => checkout_only!("バンコク銀行（Bualuang mBanking）"),
        BankKtb => checkout_only!("クルンタイ銀行（Krungthai NEXT）"),
        LabelBank => checkout_only!("ご利用の銀行"),
        LabelPayerName => checkout_only!("お名前"),
        LabelEmail => checkout_only!("メールアドレス"),
        LabelPhone => checkout_only!("電話番号"),
        HintPayerName => checkout_only!("10文字以内（店頭の端末や領収書に表示される場合があります）"),
        HintTruemoneyPhone => checkout_only!("TrueMoneyウォレットに登録した携帯電話番号"),
        MethodRequired => checkout_only!("お支払い方法を選択してください。"),
        BankRequired => checkout_only!("ご利用の銀行を選択してください。"),
        NoMethodFits => checkout_only!("この金額でご利用いただけるお支払い方法はありません。"),
        PayerNameRequired => checkout_only!("お名前を入力してください。"),
        PayerNameTooLong => checkout_only!("10文字以内で入力してください。"),
        PayerNameInvalid => checkout_only!("英数字、ひらがな、カタカナ、漢字で入力してください。"),
        EmailRequired => checkout_only!("メールアドレスを入力してください。"),
        EmailInvalid => checkout_only!("メールアドレスをご確認ください。"),
        PhoneRequired => checkout_only!("電話番号を入力してください。"),
        PhoneInvalid => checkout_only!("電話番号をご確認ください。"),
        NotePromptpay => checkout_only!("タイの銀行アプリで読み取るQRコードが表示されます。"),
        NoteMobileBanking => checkout_only!("銀行アプリが開き、お支払いを承認できます。"),
        NoteTruemoneyApp => checkout_only!("TrueMoneyアプリが開きます。3分以内にお支払いを確定してください。"),
        NoteTruemoneyWallet => checkout_only!("SMSで届くワンタイムパスワードでお支払いを確定します。"),
        NoteWallet => checkout_only!("ウォレットでお支払いを確定します。"),
        NotePaypay => checkout_only!({
            "PayPayが開き、お支払いを確定できます。パソコンでは、表示されるQRコードをPayPayアプリで読み取ってください。"
        }),
        NoteKonbini => checkout_only!({
            "お支払い番号が発行されます。期限までにコンビニ、ATM、ネットバンキングのいずれかでお支払いください。"
        }),
        QrScan => views_only!("銀行アプリでこのQRコードを読み取ってお支払いください。"),
        QrScanPhone => views_only!("このスマートフォンでお支払いの場合は、QR画像を保存し、銀行アプリで写真から選んでください。"),
        QrSave => views_only!("QR画像を保存"),
        QrTimeLeft => views_only!("お支払い期限まで"),
        QrMinutesLeft => views_only!("お支払い期限まで残り{}分です。"),
        QrExpired => views_only!("このQRコードは有効期限が切れたため、お支払いに使えません。"),
        QrNew => views_only!("新しいQRコードを表示"),
        LabelAmount => views_only!("お支払い金額"),
        KonbiniPayBy => views_only!("お支払い期限"),
        KonbiniHow => views_only!("お支払い方法を見る（新しいタブで開きます）"),
        KonbiniAwaiting => views_only!({
            "ご注文を承りました。下記の期限までにお支払いください。入金を確認しましたら、メールでお知らせします。"
        }),
        UpdateReasonGeneric => checkout_only!("前回のお支払いをカードで決済できませんでした。引き続きご利用いただくには、新しいカードを入力してください。"),
        UpdateReasonInsufficientFund => checkout_only!("カードの残高または利用可能枠が足りず、前回のお支払いができませんでした。別のカードを入力してください。"),
        UpdateReasonStolenOrLost => checkout_only!("このカードは紛失・盗難の届け出があったため、ご利用いただけません。新しいカードを入力してください。"),
        UpdateReasonDeclined => checkout_only!("前回のお支払いがカード会社に承認されませんでした。別のカードを入力してください。"),
        UpdateReasonInvalidCard => checkout_only!("ご登録のカード情報が無効になっています。カードを入力し直すか、別のカードをご利用ください。"),
        UpdateReasonSecurityCode => checkout_only!("ご登録のカードのセキュリティコードが一致しませんでした。カードを入力し直してください。"),
        UpdateReasonExpired => checkout_only!("ご登録のカードの有効期限が切れています。新しいカードを入力してください。"),
        ActionUpdateCard => checkout_only!("カードを更新する"),
        AuthorizationFailed => "カード会社による少額の確認(オーソリ)が承認されず、このカードをご利用いただけませんでした。デビットカードの場合、100円の引き落としと返金が明細に表示されることがあります。カードをご確認いただくか、別のカードをお使いください。",
        RefundPending => "返金を受け付け、処理しています。",
        RefundSuccessful => "返金が完了しました。カード会社により、明細に反映されるまで5〜10営業日ほどかかります。",
        RefundFailed => "返金を完了できませんでした。お手数ですがショップにお問い合わせください。",
    }
}
