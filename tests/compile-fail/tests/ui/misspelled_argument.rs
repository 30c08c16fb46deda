// `PAYMENT_DECLINED`'s optional argument is `retryable`: a setter for a misspelling of it does
// not exist, and the error names the misspelling and the real one.
fn main() {
    let _error =
        shop_errors::args::PaymentDeclined::new("do_not_honor", "tok_1").with_retryabel(true);
}
