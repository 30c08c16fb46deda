// `OUT_OF_STOCK` has three required arguments (`sku`, `available`, `warehouse`): an error
// raised with only the first does not compile.
fn main() {
    let _error = shop_errors::args::OutOfStock::new("sku-1");
}
