// The demo shop's own texts (the widget's texts come from its catalog) and the test cards.
export const TEXT = {
  en: {
    test_mode: 'Test mode', live_mode: 'LIVE: real charges', checkout: 'Checkout', item: 'Organic cotton tote bag', total: 'Total',
    pay: 'Pay {amount}', shop: 'Shop currency',
    payer_link: 'Pay with the sandbox payer (your banking app)',
    payer_note: "Test mode: the payer stands for the shopper's banking app or the store's till.",
    view_order: 'View your order',
    test_cards: 'Test cards', test_cards_note: 'Click a card to fill the form. Any future expiry and any security code work.',
    order_failed: 'We could not place your order. Please try again.', order_status: 'Your order',
    checking: 'Checking your payment status…', back: 'Back to the shop', order_ref: 'Order',
    success: 'Pays at once', three_ds: 'Asks for 3-D Secure', insufficient_fund: 'Insufficient funds',
    stolen_or_lost_card: 'Stolen or lost card', failed_processing: 'Processing error',
    payment_rejected: 'Rejected by the issuer', failed_fraud_check: 'Fraud check',
    invalid_account_number: 'Invalid account', invalid_security_code: 'Wrong security code',
    three_ds_fail: '3-D Secure fails',
    cards_ok: 'Payments that go through', cards_fail: 'Payments that are declined',
    filled: 'Filled in: {card}. Press Pay to try it.',
    title_checkout: 'Checkout · Sandbox Supply Co.', title_status: 'Your order · Sandbox Supply Co.',
    no_order: 'No order number was given.',
    // Membership (membership.html), back office (admin.html), refunds on the order page.
    nav_membership: 'Membership', nav_admin: 'Shop admin', nav_shop: 'Shop',
    title_membership: 'Membership · Sandbox Supply Co.', title_admin: 'Shop admin · Sandbox Supply Co.',
    membership: 'Monthly membership', plan: '{amount} every month', subscribe: 'Subscribe',
    subscribe_failed: 'We could not start your membership. Please try again.',
    member_card: 'Card', member_status: 'Membership', next_charge: 'Next charge',
    status_active: 'Active', status_suspended: 'Paused: a payment failed', status_expiring: 'Active (ending soon)',
    status_expired: 'Ended', status_deleted: 'Cancelled',
    last_payment_failed: 'Your last payment did not go through.',
    updated_paid: 'Your card was updated and the missed payment of {amount} went through. Your membership is active.',
    updated_only: 'Your card was updated. Your membership is active.',
    update_failed: 'Your new card was declined too. Please try another card.',
    sandbox_time: 'Sandbox time', advance_month: 'Advance 1 month', advance_refunds: 'Settle refunds (advance 1 minute)',
    sandbox_now: 'Sandbox date: {date}',
    orders: 'Recent orders', refund_full: 'Refund full', refund_100: 'Refund {amount}', no_orders: 'No orders yet.',
    refunded: 'Refunded', refund_error: 'The refund was not made: {message}', refunds: 'Refunds',
  },
  ja: {
    test_mode: 'テストモード', live_mode: '本番: 実際に請求されます', checkout: 'ご購入手続き', item: 'オーガニックコットンのトートバッグ', total: '合計',
    pay: '{amount} を支払う', shop: 'ショップの通貨',
    payer_link: 'サンドボックスの支払い画面で支払う（銀行アプリの代わり）',
    payer_note: 'テストモード：支払い画面は、お客様の銀行アプリやお店のレジの代わりです。',
    view_order: 'ご注文を確認する',
    test_cards: 'テストカード', test_cards_note: 'カードをクリックするとフォームに入力されます。有効期限は未来の日付、セキュリティコードは任意です。',
    order_failed: 'ご注文を受け付けられませんでした。もう一度お試しください。', order_status: 'ご注文',
    checking: 'お支払い状況を確認しています…', back: 'ショップに戻る', order_ref: '注文番号',
    success: 'すぐに決済完了', three_ds: '3-D セキュア認証あり', insufficient_fund: '残高不足',
    stolen_or_lost_card: '盗難・紛失カード', failed_processing: '処理エラー',
    payment_rejected: 'カード会社による拒否', failed_fraud_check: '不正利用の疑い',
    invalid_account_number: '無効な口座', invalid_security_code: 'セキュリティコード不一致',
    three_ds_fail: '3-D セキュア認証に失敗',
    cards_ok: '決済が通るカード', cards_fail: '決済が拒否されるカード',
    filled: '{card} を入力しました。「支払う」を押してお試しください。',
    title_checkout: 'ご購入手続き · Sandbox Supply Co.', title_status: 'ご注文 · Sandbox Supply Co.',
    no_order: '注文番号がありません。',
    nav_membership: 'メンバーシップ', nav_admin: 'ショップ管理', nav_shop: 'ショップ',
    title_membership: 'メンバーシップ · Sandbox Supply Co.', title_admin: 'ショップ管理 · Sandbox Supply Co.',
    membership: '月額メンバーシップ', plan: '毎月 {amount}', subscribe: '申し込む',
    subscribe_failed: 'メンバーシップを開始できませんでした。もう一度お試しください。',
    member_card: 'カード', member_status: 'メンバーシップ', next_charge: '次回のお支払い',
    status_active: '有効', status_suspended: '一時停止中：お支払いに失敗しました', status_expiring: '有効（まもなく終了）',
    status_expired: '終了', status_deleted: '解約済み',
    last_payment_failed: '前回のお支払いが完了しませんでした。',
    updated_paid: 'カードを更新し、未払いの {amount} のお支払いが完了しました。メンバーシップは有効です。',
    updated_only: 'カードを更新しました。メンバーシップは有効です。',
    update_failed: '新しいカードも承認されませんでした。別のカードをお試しください。',
    sandbox_time: 'サンドボックスの時刻', advance_month: '1か月進める', advance_refunds: '返金を確定する（1分進める）',
    sandbox_now: 'サンドボックスの日付：{date}',
    orders: '最近のご注文', refund_full: '全額返金', refund_100: '{amount} を返金', no_orders: 'ご注文はまだありません。',
    refunded: '返金済み', refund_error: '返金できませんでした：{message}', refunds: '返金',
  },
  th: {
    test_mode: 'โหมดทดสอบ', live_mode: 'ใช้งานจริง: มีการเรียกเก็บเงินจริง', checkout: 'ชำระเงิน', item: 'กระเป๋าผ้าฝ้ายออร์แกนิก', total: 'ยอดรวม',
    pay: 'ชำระ {amount}', shop: 'สกุลเงินของร้าน',
    payer_link: 'ชำระผ่านหน้าจ่ายเงินของแซนด์บ็อกซ์ (แทนแอปธนาคาร)',
    payer_note: 'โหมดทดสอบ: หน้าจ่ายเงินนี้ใช้แทนแอปธนาคารของผู้ซื้อหรือเคาน์เตอร์ร้านค้า',
    view_order: 'ดูคำสั่งซื้อของคุณ',
    test_cards: 'บัตรทดสอบ', test_cards_note: 'คลิกบัตรเพื่อกรอกแบบฟอร์ม ใช้วันหมดอายุในอนาคตและรหัสความปลอดภัยใดก็ได้',
    order_failed: 'ไม่สามารถสร้างคำสั่งซื้อได้ กรุณาลองอีกครั้ง', order_status: 'คำสั่งซื้อของคุณ',
    checking: 'กำลังตรวจสอบสถานะการชำระเงิน…', back: 'กลับไปที่ร้านค้า', order_ref: 'คำสั่งซื้อ',
    success: 'ชำระได้ทันที', three_ds: 'ต้องยืนยัน 3-D Secure', insufficient_fund: 'ยอดเงินไม่พอ',
    stolen_or_lost_card: 'บัตรถูกขโมยหรือสูญหาย', failed_processing: 'ประมวลผลไม่สำเร็จ',
    payment_rejected: 'ผู้ออกบัตรปฏิเสธ', failed_fraud_check: 'ไม่ผ่านการตรวจสอบความเสี่ยง',
    invalid_account_number: 'บัญชีไม่ถูกต้อง', invalid_security_code: 'รหัสความปลอดภัยไม่ถูกต้อง',
    three_ds_fail: '3-D Secure ไม่ผ่าน',
    cards_ok: 'บัตรที่ชำระเงินผ่าน', cards_fail: 'บัตรที่ถูกปฏิเสธ',
    filled: 'กรอกข้อมูล {card} แล้ว กด ชำระ เพื่อทดลอง',
    title_checkout: 'ชำระเงิน · Sandbox Supply Co.', title_status: 'คำสั่งซื้อของคุณ · Sandbox Supply Co.',
    no_order: 'ไม่มีหมายเลขคำสั่งซื้อ',
    nav_membership: 'สมาชิก', nav_admin: 'ผู้ดูแลร้าน', nav_shop: 'ร้านค้า',
    title_membership: 'สมาชิก · Sandbox Supply Co.', title_admin: 'ผู้ดูแลร้าน · Sandbox Supply Co.',
    membership: 'สมาชิกรายเดือน', plan: '{amount} ทุกเดือน', subscribe: 'สมัครสมาชิก',
    subscribe_failed: 'ไม่สามารถเริ่มการเป็นสมาชิกได้ กรุณาลองอีกครั้ง',
    member_card: 'บัตร', member_status: 'สถานะสมาชิก', next_charge: 'เรียกเก็บครั้งถัดไป',
    status_active: 'ใช้งานอยู่', status_suspended: 'ระงับชั่วคราว: การชำระเงินไม่สำเร็จ', status_expiring: 'ใช้งานอยู่ (ใกล้สิ้นสุด)',
    status_expired: 'สิ้นสุดแล้ว', status_deleted: 'ยกเลิกแล้ว',
    last_payment_failed: 'การชำระเงินครั้งล่าสุดของคุณไม่สำเร็จ',
    updated_paid: 'อัปเดตบัตรแล้ว และชำระยอดค้าง {amount} สำเร็จ สมาชิกของคุณใช้งานได้ตามปกติ',
    updated_only: 'อัปเดตบัตรแล้ว สมาชิกของคุณใช้งานได้ตามปกติ',
    update_failed: 'บัตรใหม่ถูกปฏิเสธเช่นกัน กรุณาลองบัตรอื่น',
    sandbox_time: 'เวลาของแซนด์บ็อกซ์', advance_month: 'เลื่อนไป 1 เดือน', advance_refunds: 'ยืนยันการคืนเงิน (เลื่อนไป 1 นาที)',
    sandbox_now: 'วันที่ของแซนด์บ็อกซ์: {date}',
    orders: 'คำสั่งซื้อล่าสุด', refund_full: 'คืนเงินเต็มจำนวน', refund_100: 'คืนเงิน {amount}', no_orders: 'ยังไม่มีคำสั่งซื้อ',
    refunded: 'คืนเงินแล้ว', refund_error: 'คืนเงินไม่สำเร็จ: {message}', refunds: 'การคืนเงิน',
  },
};

// SPEC §5, and the sandbox's choice of 3-D Secure cards (sandbox/README.md).
export const CARDS = [
  { brand: 'Visa', number: '4242424242424242', kind: 'ok', outcome: 'success' },
  { brand: 'Visa', number: '4111111111111111', kind: 'ok', outcome: 'three_ds' },
  { brand: 'Mastercard', number: '5555555555554444', kind: 'ok', outcome: 'success' },
  { brand: 'Mastercard', number: '5454545454545454', kind: 'ok', outcome: 'three_ds' },
  { brand: 'JCB', number: '3530111333300000', kind: 'ok', outcome: 'success' },
  { brand: 'JCB', number: '3566111111111113', kind: 'ok', outcome: 'three_ds' },
  { brand: 'Amex', number: '378282246310005', kind: 'ok', outcome: 'success' },
  { brand: 'Discover', number: '6447032400000000001', kind: 'ok', outcome: 'success' },
  { brand: 'Diners', number: '36021042000004', kind: 'ok', outcome: 'success' },
  { brand: 'UnionPay', number: '6250947000000006', kind: 'ok', outcome: 'success' },
  { brand: 'Visa', number: '4111111111140011', kind: 'fail', outcome: 'insufficient_fund' },
  { brand: 'Visa', number: '4111111111130012', kind: 'fail', outcome: 'stolen_or_lost_card' },
  { brand: 'Visa', number: '4111111111120013', kind: 'fail', outcome: 'failed_processing' },
  { brand: 'Visa', number: '4111111111110014', kind: 'fail', outcome: 'payment_rejected' },
  { brand: 'Visa', number: '4111111111190016', kind: 'fail', outcome: 'failed_fraud_check' },
  { brand: 'Visa', number: '4111111111180017', kind: 'fail', outcome: 'invalid_account_number' },
  { brand: 'Visa', number: '4111111111160001', kind: 'fail', outcome: 'invalid_security_code' },
  { brand: 'Visa', number: '4111111111150002', kind: 'fail', outcome: 'three_ds_fail' },
];

const LANGS = ['en', 'ja', 'th'];

/** An amount in the currency's smallest unit as the shop writes prices in every language: ฿1,000.00, ¥3,000. */
export function money(amount, currency) {
  const minor = currency.toLowerCase() === 'jpy' ? 1 : 100;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase(), currencyDisplay: 'narrowSymbol' })
    .format(amount / minor);
}

export function lang() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const stored = sessionStorage.getItem('demo-lang');
  const nav = (navigator.language || 'en').slice(0, 2);
  return [fromUrl, stored, nav].find((l) => LANGS.includes(l)) ?? 'en';
}

export function setLang(l) {
  if (!LANGS.includes(l)) return;
  sessionStorage.setItem('demo-lang', l);
  const url = new URL(location.href);
  url.searchParams.set('lang', l);
  history.replaceState(null, '', url);
}

export function translate() {
  const l = lang();
  document.documentElement.lang = l;
  const title = TEXT[l][document.body.dataset.title];
  if (title) document.title = title;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const t = TEXT[l][el.dataset.i18n];
    if (t) el.textContent = t;
  }
  for (const el of document.querySelectorAll('[data-i18n-label]')) {
    const t = TEXT[l][el.dataset.i18nLabel];
    if (t) el.setAttribute('aria-label', t);
  }
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
}
