// The correct use of everything the programs in `tests/ui/` get wrong. It is built as they
// are (shop-errors, no features) and compiles, so each of them fails for its own mistake.
use shop_errors::ErrorCode;
use shop_errors::args::{NotFound, NotFoundResource, OutOfStock, PaymentDeclined};
use shop_errors::operations::{CreateOrderError, GetOrderError};

fn get_order() -> Result<(), GetOrderError> {
    Err(NotFound::new(NotFoundResource::Order, "ord-42"))?
}

fn create_order() -> Result<(), CreateOrderError> {
    Err(OutOfStock::new("sku-1", 2, "w-1"))?
}

fn main() {
    let out_of_stock = OutOfStock::new("sku-1", 2, "w-1");
    assert_eq!(out_of_stock.message(), "Only 2 of sku-1 are in stock");

    let declined = PaymentDeclined::new("do_not_honor", "tok_1").with_retryable(true);
    assert_eq!(declined.args().retryable, Some(true));

    assert_eq!(get_order().unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(create_order().unwrap_err().code(), ErrorCode::OutOfStock);
}
