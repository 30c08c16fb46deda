// `get_order` lists `NOT_FOUND` and `RATE_LIMITED`: raising `OUT_OF_STOCK` from it does not
// compile, as `GetOrderError` has no conversion from that error.
fn get_order() -> Result<(), shop_errors::operations::GetOrderError> {
    Err(shop_errors::args::OutOfStock::new("sku-1", 2, "w-1"))?
}

fn main() {
    let _ = get_order();
}
