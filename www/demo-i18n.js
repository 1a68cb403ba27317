// The demo shop's own texts (the widget's texts come from its catalog) and the test cards.
export const TEXT = {
  en: {
    test_mode: 'Test mode', live_mode: 'LIVE: real charges', checkout: 'Checkout', item: 'Organic cotton tote bag', total: 'Total',
    pay_with: 'Pay with', card: 'Credit / debit card', scb: 'SCB internet banking', pay: 'Pay ฿1,000.00',
    bank_note: "You will be sent to your bank's page to approve the payment.",
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
  },
  ja: {
    test_mode: 'テストモード', live_mode: '本番: 実際に請求されます', checkout: 'ご購入手続き', item: 'オーガニックコットンのトートバッグ', total: '合計',
    pay_with: 'お支払い方法', card: 'クレジット / デビットカード', scb: 'SCB インターネットバンキング', pay: '฿1,000.00 を支払う',
    bank_note: 'お支払いの承認のため、銀行のページへ移動します。',
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
  },
  th: {
    test_mode: 'โหมดทดสอบ', live_mode: 'ใช้งานจริง: มีการเรียกเก็บเงินจริง', checkout: 'ชำระเงิน', item: 'กระเป๋าผ้าฝ้ายออร์แกนิก', total: 'ยอดรวม',
    pay_with: 'ชำระด้วย', card: 'บัตรเครดิต / เดบิต', scb: 'อินเทอร์เน็ตแบงกิ้ง SCB', pay: 'ชำระ ฿1,000.00',
    bank_note: 'ระบบจะพาคุณไปยังหน้าของธนาคารเพื่ออนุมัติการชำระเงิน',
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
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
}
