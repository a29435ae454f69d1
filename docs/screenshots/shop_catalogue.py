"""A believable catalogue of a small shop (clothing, tea and coffee, beauty, home, stationery), for the screenshot
scripts that tell their own story rather than use the demo shop: fill_catalogue(services, stock_manager)."""

from __future__ import annotations

from decimal import Decimal

from pos_app.domain.catalogue import expected_check_digit
from pos_app.domain.roles import Actor
from pos_app.services import Services

# name, price, category, [(sku, size, colour, EAN-13 without its check digit, stock, low-stock threshold)]
Variant = tuple[str, str | None, str | None, str, int, int]
CATALOGUE: list[tuple[str, str, str, list[Variant]]] = [
    (
        "T-shirt coton bio",
        "19.90",
        "Clothing",
        [
            ("TSH-S-BLA", "S", "Blanc", "376012345001", 14, 4),
            ("TSH-M-BLA", "M", "Blanc", "376012345002", 3, 4),
            ("TSH-L-BLA", "L", "Blanc", "376012345003", 9, 4),
            ("TSH-M-NOI", "M", "Noir", "376012345004", 0, 4),
            ("TSH-L-NOI", "L", "Noir", "376012345005", 22, 4),
        ],
    ),
    (
        "Sweat à capuche",
        "49.00",
        "Clothing",
        [
            ("SWE-M-GRI", "M", "Gris chiné", "376012345006", 6, 2),
            ("SWE-L-GRI", "L", "Gris chiné", "376012345007", 2, 2),
            ("SWE-XL-MAR", "XL", "Marine", "376012345008", 5, 2),
        ],
    ),
    ("Casquette brodée", "24.50", "Accessories", [("CAP-BRO-01", None, "Écru", "376012345009", 11, 3)]),
    ("Tote bag en lin", "15.00", "Accessories", [("TOT-LIN-01", None, "Naturel", "376012345010", 37, 5)]),
    ("Thé vert à la menthe 100 g", "6.80", "Grocery", [("THE-MEN-100", None, None, "376012345011", 48, 12)]),
    ("Thé noir Darjeeling 100 g", "8.40", "Grocery", [("THE-DAR-100", None, None, "376012345012", 7, 10)]),
    ("Théière en fonte 0,8 L", "39.00", "Home", [("THI-FON-08", None, "Noir", "376012345013", 4, 2)]),
    ("Café moulu Éthiopie 250 g", "9.90", "Grocery", [("CAF-ETH-250", None, None, "376012345014", 0, 6)]),
    ("Café grains Brésil 1 kg", "24.00", "Grocery", [("CAF-BRE-1K", None, None, "376012345015", 16, 4)]),
    ("Miel d'acacia 500 g", "12.50", "Grocery", [("MIE-ACA-500", None, None, "376012345016", 21, 6)]),
    ("Huile d'argan 100 ml", "18.00", "Beauty", [("ARG-100", None, None, "376012345017", 5, 6)]),
    ("Savon d'Alep 200 g", "7.20", "Beauty", [("SAV-ALE-200", None, None, "376012345018", 64, 15)]),
    ("Crème hydratante karité", "14.90", "Beauty", [("CRE-KAR-50", None, None, "376012345019", 13, 5)]),
    ("Baume à lèvres", "4.50", "Beauty", [("BAU-LEV-01", None, None, "376012345020", 2, 8)]),
    (
        "Bougie parfumée figue",
        "22.00",
        "Home",
        [
            ("BOU-FIG-S", "Petite", None, "376012345021", 9, 3),
            ("BOU-FIG-L", "Grande", None, "376012345022", 0, 2),
        ],
    ),
    (
        "Mug céramique",
        "11.00",
        "Home",
        [
            ("MUG-CER-BLE", None, "Bleu", "376012345023", 18, 6),
            ("MUG-CER-VER", None, "Vert d'eau", "376012345024", 6, 6),
            ("MUG-CER-TER", None, "Terracotta", "376012345025", 25, 6),
        ],
    ),
    ("Carnet A5 ligné", "8.90", "Stationery", [("CAR-A5-LIG", None, None, "376012345026", 42, 10)]),
    ("Stylo plume", "29.00", "Stationery", [("STY-PLU-01", None, "Bordeaux", "376012345027", 3, 3)]),
    ("Cartes postales (lot de 5)", "6.00", "Stationery", [("CPO-LOT-5", None, None, "376012345028", 120, 20)]),
    ("Panier tressé", "34.00", "Home", [("PAN-TRE-01", None, None, "376012345029", 1, 2)]),
    ("Plaid en laine", "69.00", "Home", [("PLA-LAI-01", None, "Moutarde", "376012345030", 8, 2)]),
]


def fill_catalogue(services: Services, manager: Actor) -> None:
    for name, price, category, variants in CATALOGUE:
        product = None
        for sku, size, colour, ean_body, stock, threshold in variants:
            barcode = f"{ean_body}{expected_check_digit(ean_body)}"
            properties = {"colour": colour} if colour else None
            if product is None:
                product = services.inventory.create_product(
                    manager,
                    sku=sku,
                    name=name,
                    price=Decimal(price),
                    vat_rate=Decimal("20"),
                    barcode=barcode,
                    category=category,
                    low_stock_threshold=threshold,
                    size=size,
                    properties=properties,
                )
            else:
                services.inventory.add_variant(
                    manager,
                    product.id,
                    sku=sku,
                    barcode=barcode,
                    size=size,
                    properties=properties,
                    low_stock_threshold=threshold,
                )
            if stock:
                services.inventory.receive(manager, sku, stock, reason="Opening stock")
