<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Amounts</name>
    <message>
        <source>Type an amount, such as {example}.</source>
        <translation>Saisissez un montant, par exemple {example}.</translation>
    </message>
    <message>
        <source>Type the amount without a sign.</source>
        <translation>Saisissez le montant sans signe.</translation>
    </message>
    <message>
        <source>{code} amounts have {count} decimal(s) at most.</source>
        <translation>Les montants en {code} ont au plus {count} décimale(s).</translation>
    </message>
    <message>
        <source>That amount is too large: check it.</source>
        <translation>Ce montant est trop élevé&#xa0;: vérifiez-le.</translation>
    </message>
    <message>
        <source>&apos;{typed}&apos; is not an amount: type one such as {example}.</source>
        <translation>«&#xa0;{typed}&#xa0;» n&apos;est pas un montant&#xa0;: saisissez-en un, par exemple {example}.</translation>
    </message>
    <message>
        <source>Type an amount greater than zero.</source>
        <translation>Saisissez un montant supérieur à zéro.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Point of sale</source>
        <translation>Caisse enregistreuse</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>The action did not finish</source>
        <translation>L&apos;opération n&apos;a pas abouti</translation>
    </message>
</context>
<context>
    <name>BrowsePanel</name>
    <message>
        <source>Add (Enter)</source>
        <translation>Ajouter (Entrée)</translation>
    </message>
    <message>
        <source>Add the chosen product (↓ then Enter from the scan field)</source>
        <translation>Ajouter le produit choisi (↓ puis Entrée depuis le champ de saisie)</translation>
    </message>
    <message>
        <source>Loading the products…</source>
        <translation>Chargement des produits…</translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation>Aucun résultat pour «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <source>The first {count}: type more to narrow.</source>
        <translation>Les {count} premiers&#xa0;: tapez la suite pour affiner.</translation>
    </message>
    <message>
        <source>↓ to choose, Enter to add.</source>
        <translation>↓ pour choisir, Entrée pour ajouter.</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Take cash out</source>
        <translation>Sortie d&apos;espèces</translation>
    </message>
    <message>
        <source>Put cash in</source>
        <translation>Entrée d&apos;espèces</translation>
    </message>
    <message>
        <source>Take it out  (Enter)</source>
        <translation>Sortir les espèces  (Entrée)</translation>
    </message>
    <message>
        <source>Put it in  (Enter)</source>
        <translation>Ajouter les espèces  (Entrée)</translation>
    </message>
    <message>
        <source>e.g. to the safe</source>
        <translation>ex.&#xa0;: vers le coffre</translation>
    </message>
    <message>
        <source>e.g. change from the bank</source>
        <translation>ex.&#xa0;: monnaie retirée à la banque</translation>
    </message>
    <message>
        <source>&amp;Amount ({code})</source>
        <translation>&amp;Montant ({code})</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>Moti&amp;f</translation>
    </message>
    <message>
        <source>Cash taken out of the drawer of {register}, with the reason: the X and Z reports count it.</source>
        <translation>Espèces retirées du tiroir-caisse de la caisse {register}, avec le motif&#xa0;: les rapports X et Z en tiennent compte.</translation>
    </message>
    <message>
        <source>Cash put into the drawer of {register}, with the reason: the X and Z reports count it.</source>
        <translation>Espèces ajoutées au tiroir-caisse de la caisse {register}, avec le motif&#xa0;: les rapports X et Z en tiennent compte.</translation>
    </message>
    <message>
        <source>Say why, for the reports: for example &apos;to the safe&apos;.</source>
        <translation>Indiquez le motif, pour les rapports&#xa0;: par exemple «&#xa0;vers le coffre&#xa0;».</translation>
    </message>
    <message>
        <source>{amount} taken out of the drawer.</source>
        <translation>{amount} retiré(s) du tiroir-caisse.</translation>
    </message>
    <message>
        <source>{amount} put into the drawer.</source>
        <translation>{amount} ajouté(s) au tiroir-caisse.</translation>
    </message>
</context>
<context>
    <name>CloseTill</name>
    <message>
        <source>{amount} note</source>
        <translation>Billet de {amount}</translation>
    </message>
    <message>
        <source>{amount} coin</source>
        <translation>Pièce de {amount}</translation>
    </message>
</context>
<context>
    <name>CloseTillDialog</name>
    <message>
        <source>Close the till of {register}</source>
        <translation>Fermer la caisse {register}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Pièces</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer (Tab moves to the next one).</source>
        <translation>Saisissez le nombre de billets et de pièces de chaque valeur dans le tiroir-caisse (Tab passe au suivant).</translation>
    </message>
    <message>
        <source>Counted: {total}</source>
        <translation>Compté&#xa0;: {total}</translation>
    </message>
    <message>
        <source>Close the till with {total}  (Ctrl+Enter)</source>
        <translation>Fermer la caisse avec {total}  (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Expected {expected}: the count matches</source>
        <translation>Attendu {expected}&#xa0;: le comptage est juste</translation>
    </message>
    <message>
        <source>Expected {expected}: {gap} short</source>
        <translation>Attendu {expected}&#xa0;: il manque {gap}</translation>
    </message>
    <message>
        <source>Expected {expected}: {gap} over</source>
        <translation>Attendu {expected}&#xa0;: {gap} en trop</translation>
    </message>
</context>
<context>
    <name>ClosedTillPanel</name>
    <message>
        <source>Looking for the till…</source>
        <translation>Recherche de la caisse…</translation>
    </message>
    <message>
        <source>Open the till…</source>
        <translation>Ouvrir la caisse…</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>The till is closed, so nothing can be sold yet.</source>
        <translation>La caisse est fermée&#xa0;: aucune vente possible pour le moment.</translation>
    </message>
    <message>
        <source>Open the till on the Till page with the counted float, then come back here.</source>
        <translation>Ouvrez la caisse depuis la page Caisse avec le fond de caisse compté, puis revenez ici.</translation>
    </message>
    <message>
        <source>Open it with the counted float to start selling.</source>
        <translation>Ouvrez-la avec le fond de caisse compté pour commencer à vendre.</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Scan a barcode, or type a name or SKU, then Enter</source>
        <translation>Scannez un code-barres, ou tapez un nom ou une référence, puis Entrée</translation>
    </message>
    <message>
        <source>Customer (F2)</source>
        <translation>Client (F2)</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Park (F4)</source>
        <translation>Mettre en attente (F4)</translation>
    </message>
    <message>
        <source>Resume (F5)</source>
        <translation>Reprendre (F5)</translation>
    </message>
    <message>
        <source>Void (F8)</source>
        <translation>Annuler (F8)</translation>
    </message>
    <message>
        <source>Ticket discount (F7)</source>
        <translation>Remise sur le ticket (F7)</translation>
    </message>
    <message>
        <source>Pay (F12)</source>
        <translation>Encaisser (F12)</translation>
    </message>
    <message>
        <source>Till {register} open</source>
        <translation>Caisse {register} ouverte</translation>
    </message>
    <message>
        <source>{product} is no longer for sale.</source>
        <translation>{product} n&apos;est plus en vente.</translation>
    </message>
    <message>
        <source>“{text}” is not a barcode or SKU: choose the product in the list (↓ then Enter).</source>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est ni un code-barres ni une référence&#xa0;: choisissez le produit dans la liste (↓ puis Entrée).</translation>
    </message>
    <message>
        <source>No product has the barcode or SKU “{text}”, nor its words: check the code.</source>
        <translation>Aucun produit ne correspond au code-barres, à la référence ou aux mots «&#xa0;{text}&#xa0;»&#xa0;: vérifiez le code.</translation>
    </message>
    <message>
        <source>{product} ({sku}) is out of stock: {available} available.</source>
        <translation>{product} ({sku}) est en rupture de stock&#xa0;: {available} disponible(s).</translation>
    </message>
    <message>
        <source>Only {available} of {product} available: the ticket already has {quantity}.</source>
        <translation>Seulement {available} {product} disponible(s)&#xa0;: le ticket en compte déjà {quantity}.</translation>
    </message>
    <message>
        <source>Only {available} of {product} available, {quantity} on the ticket.</source>
        <translation>Seulement {available} {product} disponible(s), {quantity} sur le ticket.</translation>
    </message>
    <message>
        <source>Low stock: {available} of {product} available.</source>
        <translation>Stock bas&#xa0;: {available} {product} disponible(s).</translation>
    </message>
    <message>
        <source>Select a line first (↑ ↓ while the scan field is empty).</source>
        <translation>Sélectionnez d&apos;abord une ligne (↑ ↓ quand le champ de saisie est vide).</translation>
    </message>
    <message>
        <source>To take the line off, press Del.</source>
        <translation>Pour retirer la ligne, appuyez sur Suppr.</translation>
    </message>
    <message>
        <source>Discount on {product}</source>
        <translation>Remise sur {product}</translation>
    </message>
    <message>
        <source>Discount on the whole ticket</source>
        <translation>Remise sur tout le ticket</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Sans client</translation>
    </message>
    <message>
        <source>Could not price the ticket: {reason}</source>
        <translation>Impossible de calculer le prix du ticket&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The ticket is empty: scan a product first.</source>
        <translation>Le ticket est vide&#xa0;: scannez d&apos;abord un produit.</translation>
    </message>
    <message>
        <source>Not enough stock for {products}: lower the quantity or remove the line.</source>
        <translation>Stock insuffisant pour {products}&#xa0;: baissez la quantité ou retirez la ligne.</translation>
    </message>
    <message>
        <source>Sale {number} recorded: {total}.</source>
        <translation>Vente {number} enregistrée&#xa0;: {total}.</translation>
    </message>
    <message>
        <source>Nothing to park: the ticket is empty.</source>
        <translation>Rien à mettre en attente&#xa0;: le ticket est vide.</translation>
    </message>
    <message>
        <source>Ticket {number} parked. Resume it with F5.</source>
        <translation>Ticket {number} mis en attente. Reprenez-le avec F5.</translation>
    </message>
    <message>
        <source>Resume (F5) · {count}</source>
        <translation>Reprendre (F5) · {count}</translation>
    </message>
    <message>
        <source>Finish, park or void this ticket before resuming another.</source>
        <translation>Terminez, mettez en attente ou annulez ce ticket avant d&apos;en reprendre un autre.</translation>
    </message>
    <message>
        <source>Stock changed since the ticket was parked: not enough of {products}.</source>
        <translation>Le stock a changé depuis la mise en attente du ticket&#xa0;: quantité insuffisante pour {products}.</translation>
    </message>
    <message>
        <source>Ticket {number} is back.</source>
        <translation>Ticket {number} repris.</translation>
    </message>
    <message>
        <source>Void the ticket</source>
        <translation>Annuler le ticket</translation>
    </message>
    <message>
        <source>Nothing is sold and no stock moves; the journal records the void, its value and why.</source>
        <translation>Rien n&apos;est vendu et le stock ne bouge pas&#x202f;; le journal enregistre l&apos;annulation, son montant et son motif.</translation>
    </message>
    <message>
        <source>Void the ticket (Enter)</source>
        <translation>Annuler le ticket (Entrée)</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>Le client a changé d&apos;avis</translation>
    </message>
    <message>
        <source>Scanning mistake</source>
        <translation>Erreur de scan</translation>
    </message>
    <message>
        <source>Customer could not pay</source>
        <translation>Le client n&apos;a pas pu payer</translation>
    </message>
    <message>
        <source>Ticket voided (it was worth {value}).</source>
        <translation>Ticket annulé (montant&#xa0;: {value}).</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Student</source>
        <translation>Étudiant</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professionnel</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Name, email or phone number</source>
        <translation>Nom, e-mail ou numéro de téléphone</translation>
    </message>
    <message>
        <source>Choose (Enter)</source>
        <translation>Choisir (Entrée)</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Sans client</translation>
    </message>
    <message>
        <source>Sell without a customer: no segment or partner discount</source>
        <translation>Vendre sans client&#xa0;: ni remise de segment ni remise partenaire</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>New customer ({key})</source>
        <translation>Nouveau client ({key})</translation>
    </message>
    <message>
        <source>Register a customer who is not in the list yet, for this ticket</source>
        <translation>Enregistrer un client qui n&apos;est pas encore dans la liste, pour ce ticket</translation>
    </message>
    <message>
        <source>Who is this ticket for?</source>
        <translation>Pour quel client est ce ticket&#x202f;?</translation>
    </message>
    <message>
        <source>No customer found.</source>
        <translation>Aucun client trouvé.</translation>
    </message>
    <message>
        <source>The first {count}: type more to narrow.</source>
        <translation>Les {count} premiers&#xa0;: tapez la suite pour affiner.</translation>
    </message>
    <message>
        <source>{count} found.</source>
        <translation>{count} trouvé(s).</translation>
    </message>
    <message>
        <source>No customer: F2 to choose one, for their segment&apos;s and partner&apos;s discounts.</source>
        <translation>Sans client&#xa0;: F2 pour en choisir un et appliquer ses remises de segment et de partenaire.</translation>
    </message>
    <message>
        <source>{partner} members get {percent} % off, on top of any promotion.</source>
        <translation>Les membres {partner} ont {percent}&#xa0;% de remise, en plus des promotions.</translation>
    </message>
    <message>
        <source>{segment} customer: promotions for this segment apply.</source>
        <translation>Client {segment}&#xa0;: les promotions de ce segment s&apos;appliquent.</translation>
    </message>
</context>
<context>
    <name>CustomersModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>Téléphone ou e-mail</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Partner discount</source>
        <translation>Remise partenaire</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>e.g. 10</source>
        <translation>ex.&#xa0;: 10</translation>
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation>Appliquer (Entrée)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>You may give up to {limit} %. 0 removes the discount.</source>
        <translation>Vous pouvez accorder jusqu&apos;à {limit}&#xa0;%. 0 supprime la remise.</translation>
    </message>
    <message>
        <source>The discount</source>
        <translation>La remise</translation>
    </message>
    <message>
        <source>Type a percentage from 0 to {limit}, such as 5.</source>
        <translation>Saisissez un pourcentage de 0 à {limit}, par exemple 5.</translation>
    </message>
    <message>
        <source>You may give at most {limit} % discount (asked {asked} %). Ask an admin to apply it.</source>
        <translation>Vous pouvez accorder au plus {limit}&#xa0;% de remise ({asked}&#xa0;% demandés). Demandez à un administrateur de l&apos;appliquer.</translation>
    </message>
</context>
<context>
    <name>DrawerDialog</name>
    <message>
        <source>Open the drawer</source>
        <translation>Ouvrir le tiroir-caisse</translation>
    </message>
    <message>
        <source>Open the drawer  (Enter)</source>
        <translation>Ouvrir le tiroir-caisse  (Entrée)</translation>
    </message>
    <message>
        <source>e.g. change for a customer</source>
        <translation>ex.&#xa0;: faire de la monnaie pour un client</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>Moti&amp;f</translation>
    </message>
    <message>
        <source>Opening the drawer without a sale is recorded with its reason and counted in the Z report.</source>
        <translation>L&apos;ouverture du tiroir-caisse sans vente est enregistrée avec son motif et comptée dans le rapport Z.</translation>
    </message>
    <message>
        <source>Say why the drawer is opened: it is recorded.</source>
        <translation>Indiquez pourquoi le tiroir-caisse est ouvert&#xa0;: c&apos;est enregistré.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Something went wrong and the action did not finish. Try again; if it keeps happening, ask for help (the details are in the log).</source>
        <translation>Un problème est survenu et l&apos;opération n&apos;a pas abouti. Réessayez&#x202f;; si cela se reproduit, demandez de l&apos;aide (les détails sont dans le journal technique).</translation>
    </message>
</context>
<context>
    <name>HoldsTableModel</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Expire dans</translation>
    </message>
    <message>
        <source>The email the customer gave at checkout</source>
        <translation>L&apos;e-mail donné par le client lors de la commande</translation>
    </message>
    <message>
        <source>Time left to pay; the units count as available again when it runs out</source>
        <translation>Temps restant pour payer&#x202f;; à expiration, les unités redeviennent disponibles</translation>
    </message>
    <message>
        <source>Expired just now</source>
        <translation>Expirée à l&apos;instant</translation>
    </message>
    <message>
        <source>Expired {minutes} min ago</source>
        <translation>Expirée il y a {minutes} min</translation>
    </message>
    <message>
        <source>Expired {hours} h ago</source>
        <translation>Expirée il y a {hours} h</translation>
    </message>
    <message>
        <source>Ran out at {time}: these units count as available again. The next tidy-up marks it released.</source>
        <translation>Expirée à {time}&#xa0;: ces unités sont de nouveau disponibles. Le prochain nettoyage la marquera libérée.</translation>
    </message>
    <message>
        <source>Runs out at {time}: the customer has less than 3 minutes left to pay.</source>
        <translation>Expire à {time}&#xa0;: il reste moins de 3 minutes au client pour payer.</translation>
    </message>
    <message>
        <source>Held until {time} while the customer pays.</source>
        <translation>Réservée jusqu&apos;à {time} pendant que le client paie.</translation>
    </message>
</context>
<context>
    <name>InvoiceCustomerDialog</name>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Street, postcode and town</source>
        <translation>Rue, code postal et ville</translation>
    </message>
    <message>
        <source>For a business customer</source>
        <translation>Pour un client professionnel</translation>
    </message>
    <message>
        <source>Issue the invoice (Enter)</source>
        <translation>Émettre la facture (Entrée)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;VAT number</source>
        <translation>Numéro de &amp;TVA</translation>
    </message>
    <message>
        <source>Who is the invoice for?</source>
        <translation>À qui est destinée la facture&#x202f;?</translation>
    </message>
    <message>
        <source>An invoice needs the customer&apos;s name.</source>
        <translation>Une facture doit porter le nom du client.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Password or PIN</source>
        <translation>Mot de passe ou PIN</translation>
    </message>
    <message>
        <source>Unlock  (Enter)</source>
        <translation>Déverrouiller  (Entrée)</translation>
    </message>
    <message>
        <source>The till stays open. Sign in again to go on, or sign in as another user to take over the counter.</source>
        <translation>La caisse reste ouverte. Reconnectez-vous pour continuer, ou connectez-vous sous un autre compte pour prendre la relève.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>Password or &amp;PIN</source>
        <translation>Mot de passe ou &amp;PIN</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Écran verrouillé</translation>
    </message>
    <message>
        <source>Locked by {username} · {role}</source>
        <translation>Verrouillé par {username} · {role}</translation>
    </message>
    <message>
        <source>Type your username and your password or PIN.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe ou PIN.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Caisse enregistreuse</translation>
    </message>
    <message>
        <source>Log in with your own account to open the shop.</source>
        <translation>Connectez-vous avec votre propre compte pour ouvrir la boutique.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>e.g. cashier</source>
        <translation>ex.&#xa0;: caissier</translation>
    </message>
    <message>
        <source>&amp;Password or PIN</source>
        <translation>&amp;Mot de passe ou PIN</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Enter your username and your password.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Logged in as {user} · {role}</source>
        <translation>Connecté en tant que {user} · {role}</translation>
    </message>
    <message>
        <source>Your role has no page here yet.</source>
        <translation>Votre rôle n&apos;a encore aucune page ici.</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Set my PIN…</source>
        <translation>Définir mon PIN…</translation>
    </message>
    <message>
        <source>Lock  (Ctrl+L)</source>
        <translation>Verrouiller  (Ctrl+L)</translation>
    </message>
    <message>
        <source>Your PIN is saved.</source>
        <translation>Votre PIN est enregistré.</translation>
    </message>
    <message>
        <source>{count} online order(s) to act on: refunded because the stock was gone</source>
        <translation>{count} commande(s) en ligne à traiter&#xa0;: remboursée(s) faute de stock</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>&amp;Name (required)</source>
        <translation>&amp;Nom (obligatoire)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;VAT number</source>
        <translation>Numéro de T&amp;VA</translation>
    </message>
    <message>
        <source>&amp;Segment</source>
        <translation>&amp;Segment</translation>
    </message>
    <message>
        <source>Pa&amp;rtner</source>
        <translation>Pa&amp;rtenaire</translation>
    </message>
    <message>
        <source>Save and choose (Enter)</source>
        <translation>Enregistrer et choisir (Entrée)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Register a customer</source>
        <translation>Enregistrer un client</translation>
    </message>
</context>
<context>
    <name>OnlineOrdersPage</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Orders paid after their hold ran out, when the stock was gone: the payment is refunded automatically. Contact these customers.</source>
        <translation>Commandes payées après l&apos;expiration de leur réservation, alors que le stock était épuisé&#xa0;: le paiement est remboursé automatiquement. Contactez ces clients.</translation>
    </message>
    <message>
        <source>No active holds</source>
        <translation>Aucune réservation en cours</translation>
    </message>
    <message>
        <source>{count} active hold</source>
        <translation>{count} réservation en cours</translation>
    </message>
    <message>
        <source>{count} active holds</source>
        <translation>{count} réservations en cours</translation>
    </message>
    <message>
        <source>{count} unit held</source>
        <translation>{count} unité réservée</translation>
    </message>
    <message>
        <source>{count} units held</source>
        <translation>{count} unités réservées</translation>
    </message>
    <message>
        <source>&amp;Needs attention only</source>
        <translation>À &amp;traiter uniquement</translation>
    </message>
    <message>
        <source>Nobody is paying right now.</source>
        <translation>Personne n&apos;est en train de payer.</translation>
    </message>
    <message>
        <source>No online orders yet.</source>
        <translation>Aucune commande en ligne pour le moment.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Reload the holds and the orders now (F5); they also reload every few seconds</source>
        <translation>Recharger maintenant les réservations et les commandes (F5)&#x202f;; elles se rechargent aussi toutes les quelques secondes</translation>
    </message>
    <message>
        <source>Holds being paid</source>
        <translation>Réservations en cours de paiement</translation>
    </message>
    <message>
        <source>Online orders</source>
        <translation>Commandes en ligne</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Could not load the online orders. {reason}</source>
        <translation>Impossible de charger les commandes en ligne. {reason}</translation>
    </message>
    <message>
        <source>Nothing to act on.</source>
        <translation>Rien à traiter.</translation>
    </message>
    <message>
        <source>{count} to act on</source>
        <translation>{count} à traiter</translation>
    </message>
</context>
<context>
    <name>OpenTillDialog</name>
    <message>
        <source>Open the till</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <source>Open the till  (Enter)</source>
        <translation>Ouvrir la caisse  (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <source>Counted &amp;float ({code})</source>
        <translation>&amp;Fond de caisse compté ({code})</translation>
    </message>
    <message>
        <source>Count the cash in the drawer before the first sale and type the total.</source>
        <translation>Comptez les espèces du tiroir-caisse avant la première vente et saisissez le total.</translation>
    </message>
    <message>
        <source>This shop has no register yet: an admin adds one in the settings.</source>
        <translation>Cette boutique n&apos;a encore aucune caisse&#xa0;: un administrateur l&apos;ajoute dans les réglages.</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <source>Jan</source>
        <translation>janv.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>févr.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>avr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>juil.</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>août</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oct.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>déc.</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>En attente de paiement</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Paiement refusé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Refund pending</source>
        <translation>Remboursement en cours</translation>
    </message>
    <message>
        <source>Refunded — out of stock</source>
        <translation>Remboursée — rupture de stock</translation>
    </message>
    <message>
        <source>Paid after its hold ran out, when the stock was gone: the payment was refunded automatically. Contact the customer at {email}.</source>
        <translation>Payée après l&apos;expiration de sa réservation, alors que le stock était épuisé&#xa0;: le paiement a été remboursé automatiquement. Contactez le client à l&apos;adresse {email}.</translation>
    </message>
    <message>
        <source>Paid after its hold ran out, when the stock was gone: the refund is being sent and is retried until the payment service confirms it. Contact the customer at {email}.</source>
        <translation>Payée après l&apos;expiration de sa réservation, alors que le stock était épuisé&#xa0;: le remboursement est en cours d&apos;envoi et sera relancé jusqu&apos;à confirmation du service de paiement. Contactez le client à l&apos;adresse {email}.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Numbered once paid; an order that was never paid, or was refunded, has no number</source>
        <translation>Numérotée une fois payée&#x202f;; une commande jamais payée, ou remboursée, n&apos;a pas de numéro</translation>
    </message>
    <message>
        <source>When the customer checked out (this computer&apos;s time)</source>
        <translation>Heure de la commande du client (heure de cet ordinateur)</translation>
    </message>
</context>
<context>
    <name>PageSwitcher</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Show {page}</source>
        <translation>Afficher {page}</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Counter</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Nothing to show</source>
        <translation>Rien à afficher</translation>
    </message>
    <message>
        <source>Online orders</source>
        <translation>Commandes en ligne</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <source>Parked tickets</source>
        <translation>Tickets en attente</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Resume (Enter)</source>
        <translation>Reprendre (Entrée)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Tickets put aside at this register</source>
        <translation>Tickets mis de côté à cette caisse</translation>
    </message>
    <message>
        <source>No ticket is parked here.</source>
        <translation>Aucun ticket n&apos;est en attente ici.</translation>
    </message>
    <message>
        <source>{count} parked.</source>
        <translation>{count} en attente.</translation>
    </message>
</context>
<context>
    <name>ParkedModel</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Parked at</source>
        <translation>Mis en attente à</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Orange Money</source>
        <translation>Orange Money</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>Wave</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Terminal reference (optional)</source>
        <translation>Référence du terminal (facultative)</translation>
    </message>
    <message>
        <source>Transaction reference (required): the code on the customer&apos;s phone</source>
        <translation>Référence de la transaction (obligatoire)&#xa0;: le code affiché sur le téléphone du client</translation>
    </message>
    <message>
        <source>Transfer reference (optional)</source>
        <translation>Référence du virement (facultative)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Payments taken</source>
        <translation>Paiements reçus</translation>
    </message>
    <message>
        <source>Remove last payment</source>
        <translation>Retirer le dernier paiement</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Take payment (Enter)</source>
        <translation>Encaisser (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Amount received</source>
        <translation>Montant &amp;reçu</translation>
    </message>
    <message>
        <source>Exact {amount}</source>
        <translation>Montant exact {amount}</translation>
    </message>
    <message>
        <source>Total due {amount}</source>
        <translation>Total dû {amount}</translation>
    </message>
    <message>
        <source>Still to pay {amount}</source>
        <translation>Reste à payer {amount}</translation>
    </message>
    <message>
        <source>To pay {amount}</source>
        <translation>À payer {amount}</translation>
    </message>
    <message>
        <source>change {amount}</source>
        <translation>rendu {amount}</translation>
    </message>
    <message>
        <source>Type the amount received, such as 20 or 20.50.</source>
        <translation>Saisissez le montant reçu, par exemple 20 ou 20.50.</translation>
    </message>
    <message>
        <source>Type the {method} transaction reference: the payment cannot be checked without it.</source>
        <translation>Saisissez la référence de la transaction {method}&#xa0;: sans elle, le paiement ne peut pas être vérifié.</translation>
    </message>
    <message>
        <source>{method} cannot take more than the {due} still due: only cash gives change.</source>
        <translation>{method} ne peut pas dépasser les {due} restant dus&#xa0;: seules les espèces permettent de rendre la monnaie.</translation>
    </message>
    <message>
        <source>Recording the sale…</source>
        <translation>Enregistrement de la vente…</translation>
    </message>
    <message>
        <source>The sale was not recorded: {reason}</source>
        <translation>La vente n&apos;a pas été enregistrée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Nothing was charged by the till. Cancel (Esc) to correct the ticket, or try again.</source>
        <translation>La caisse n&apos;a rien encaissé. Annulez (Échap) pour corriger le ticket, ou réessayez.</translation>
    </message>
    <message>
        <source>Print receipt (P)</source>
        <translation>Imprimer le ticket (P)</translation>
    </message>
    <message>
        <source>Invoice (I)</source>
        <translation>Facture (I)</translation>
    </message>
    <message>
        <source>Receipt and invoice (B)</source>
        <translation>Ticket et facture (B)</translation>
    </message>
    <message>
        <source>Open to print (O)</source>
        <translation>Ouvrir pour imprimer (O)</translation>
    </message>
    <message>
        <source>Open the saved PDF in the system&apos;s viewer, and print it from there</source>
        <translation>Ouvrir le PDF enregistré dans la visionneuse du système et l&apos;imprimer depuis celle-ci</translation>
    </message>
    <message>
        <source>New sale (Enter)</source>
        <translation>Nouvelle vente (Entrée)</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Rendu monnaie</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Pas de monnaie à rendre</translation>
    </message>
    <message>
        <source>Sale {number} · total {total} · paid {paid}</source>
        <translation>Vente {number} · total {total} · payé {paid}</translation>
    </message>
    <message>
        <source>Printing the receipt…</source>
        <translation>Impression du ticket…</translation>
    </message>
    <message>
        <source>Issuing the invoice…</source>
        <translation>Émission de la facture…</translation>
    </message>
</context>
<context>
    <name>PaymentMethods</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Orange Money</source>
        <translation>Orange Money</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>Wave</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement</translation>
    </message>
</context>
<context>
    <name>ProductTiles</name>
    <message>
        <source>{available} available</source>
        <translation>{available} disponible(s)</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Rupture de stock</translation>
    </message>
    <message>
        <source>{count} variants</source>
        <translation>{count} déclinaisons</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Divers</translation>
    </message>
    <message>
        <source>Choose a category to see its products, or type a name in the field above.</source>
        <translation>Choisissez une catégorie pour voir ses produits, ou tapez un nom dans le champ ci-dessus.</translation>
    </message>
    <message>
        <source>No product to sell in this category.</source>
        <translation>Aucun produit à vendre dans cette catégorie.</translation>
    </message>
    <message>
        <source>The first {shown} products are shown: type a name to find the others.</source>
        <translation>Les {shown} premiers produits sont affichés&#xa0;: tapez un nom pour trouver les autres.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why? (required)</source>
        <translation>Pourquoi&#x202f;? (obligatoire)</translation>
    </message>
    <message>
        <source>Keep the ticket (Esc)</source>
        <translation>Garder le ticket (Échap)</translation>
    </message>
    <message>
        <source>Say why in a few words: the journal keeps it.</source>
        <translation>Indiquez le motif en quelques mots&#xa0;: le journal le conserve.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>No sale numbered &apos;{number}&apos;. Check the number on the receipt.</source>
        <translation>Aucune vente ne porte le numéro «&#xa0;{number}&#xa0;». Vérifiez le numéro sur le ticket.</translation>
    </message>
    <message>
        <source>Refund a sale</source>
        <translation>Rembourser une vente</translation>
    </message>
    <message>
        <source>Sale number, or scan the receipt&apos;s QR code, then Enter</source>
        <translation>Numéro de vente, ou scannez le QR code du ticket, puis Entrée</translation>
    </message>
    <message>
        <source>Find  (Enter)</source>
        <translation>Rechercher  (Entrée)</translation>
    </message>
    <message>
        <source>Sales of the day</source>
        <translation>Ventes du jour</translation>
    </message>
    <message>
        <source>Refund every unit left</source>
        <translation>Rembourser toutes les unités restantes</translation>
    </message>
    <message>
        <source>Put the items back in stock (untick to write them off)</source>
        <translation>Remettre les articles en stock (décochez pour les passer en perte)</translation>
    </message>
    <message>
        <source>Customer return</source>
        <translation>Retour client</translation>
    </message>
    <message>
        <source>Print the receipt  (Ctrl+P)</source>
        <translation>Imprimer le ticket  (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save the receipt as PDF…</source>
        <translation>Enregistrer le ticket en PDF…</translation>
    </message>
    <message>
        <source>or the sales of</source>
        <translation>ou les ventes du</translation>
    </message>
    <message>
        <source>Find the sale: type its number, scan the QR code of its receipt, or list the sales of a day.</source>
        <translation>Retrouvez la vente&#xa0;: tapez son numéro, scannez le QR code de son ticket, ou affichez les ventes d&apos;une journée.</translation>
    </message>
    <message>
        <source>Sales of the day: choose one (Enter)</source>
        <translation>Ventes du jour&#xa0;: choisissez-en une (Entrée)</translation>
    </message>
    <message>
        <source>Paid back in</source>
        <translation>Rembourser en</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Type the sale&apos;s number, or scan the QR code of its receipt.</source>
        <translation>Tapez le numéro de la vente, ou scannez le QR code de son ticket.</translation>
    </message>
    <message>
        <source>No sale on {day}.</source>
        <translation>Aucune vente le {day}.</translation>
    </message>
    <message>
        <source>Sale {number} · {at} · {register} · {cashier} · {total} paid by {payments}</source>
        <translation>Vente {number} · {at} · {register} · {cashier} · {total} payé par {payments}</translation>
    </message>
    <message>
        <source>Everything on this sale is refunded already.</source>
        <translation>Tout a déjà été remboursé sur cette vente.</translation>
    </message>
    <message>
        <source>Choose the units to refund</source>
        <translation>Choisissez les unités à rembourser</translation>
    </message>
    <message>
        <source>Refund  (Ctrl+Enter)</source>
        <translation>Rembourser  (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>{units} unit(s) · {amount} to pay back</source>
        <translation>{units} unité(s) · {amount} à rembourser</translation>
    </message>
    <message>
        <source>Refund {amount}  (Ctrl+Enter)</source>
        <translation>Rembourser {amount}  (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Choose how many units of which line to refund.</source>
        <translation>Choisissez combien d&apos;unités rembourser, et sur quelle ligne.</translation>
    </message>
    <message>
        <source>Say why the sale is refunded, for the records: for example &apos;Customer return&apos;.</source>
        <translation>Indiquez le motif du remboursement, pour le suivi&#xa0;: par exemple «&#xa0;Retour client&#xa0;».</translation>
    </message>
    <message>
        <source>Refund {number}: {amount} paid back ({method}).</source>
        <translation>Remboursement {number}&#xa0;: {amount} rendu(s) ({method}).</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>Ticket imprimé.</translation>
    </message>
    <message>
        <source>Save the refund receipt</source>
        <translation>Enregistrer le ticket de remboursement</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>Could not write the file ({reason}). Choose another folder.</source>
        <translation>Impossible d&apos;écrire le fichier ({reason}). Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>RefundTables</name>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendus</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursés</translation>
    </message>
    <message>
        <source>Refundable</source>
        <translation>Remboursable</translation>
    </message>
    <message>
        <source>To refund</source>
        <translation>À rembourser</translation>
    </message>
    <message>
        <source>Units of this line refunded already</source>
        <translation>Unités de cette ligne déjà remboursées</translation>
    </message>
    <message>
        <source>Type how many units to refund now, or use + and −</source>
        <translation>Tapez le nombre d&apos;unités à rembourser maintenant, ou utilisez + et −</translation>
    </message>
    <message>
        <source>Every unit of this line is refunded already.</source>
        <translation>Toutes les unités de cette ligne sont déjà remboursées.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Save as PDF…  (Ctrl+S)</source>
        <translation>Enregistrer en PDF…  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Fermer  (Échap)</translation>
    </message>
    <message>
        <source>Till still open since {opened}: these figures are provisional.</source>
        <translation>Caisse toujours ouverte depuis {opened}&#xa0;: ces chiffres sont provisoires.</translation>
    </message>
    <message>
        <source>Opened {opened} · closed {closed}</source>
        <translation>Ouverte {opened} · fermée {closed}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Enregistrement du PDF…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>Could not write the PDF ({reason}). Choose another folder and save again.</source>
        <translation>Impossible d&apos;écrire le PDF ({reason}). Choisissez un autre dossier et enregistrez à nouveau.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Nothing taken yet</source>
        <translation>Aucun encaissement pour le moment</translation>
    </message>
    <message>
        <source>Takings by payment method</source>
        <translation>Encaissements par moyen de paiement</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Aucune vente</translation>
    </message>
    <message>
        <source>Blind close: the cash the drawer should hold is not shown to cashiers.</source>
        <translation>Clôture à l&apos;aveugle&#xa0;: le montant attendu dans le tiroir-caisse n&apos;est pas montré aux caissiers.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>not sold</source>
        <translation>hors vente</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Stock manager</source>
        <translation>Gestionnaire de stock</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>Comptable</translation>
    </message>
</context>
<context>
    <name>SaleDocuments</name>
    <message>
        <source>Receipt printed.</source>
        <translation>Ticket imprimé.</translation>
    </message>
    <message>
        <source>No receipt printer is set up: save the receipt as a PDF.</source>
        <translation>Aucune imprimante de tickets n&apos;est configurée&#xa0;: enregistrez le ticket en PDF.</translation>
    </message>
    <message>
        <source>The receipt did not print: {error} You can save it as a PDF.</source>
        <translation>Le ticket ne s&apos;est pas imprimé&#xa0;: {error} Vous pouvez l&apos;enregistrer en PDF.</translation>
    </message>
    <message>
        <source>Save the receipt as a PDF</source>
        <translation>Enregistrer le ticket en PDF</translation>
    </message>
    <message>
        <source>The receipt was not saved.</source>
        <translation>Le ticket n&apos;a pas été enregistré.</translation>
    </message>
    <message>
        <source>Receipt saved to {path}.</source>
        <translation>Ticket enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Save invoice {number}</source>
        <translation>Enregistrer la facture {number}</translation>
    </message>
    <message>
        <source>Invoice {number} issued, not saved.</source>
        <translation>Facture {number} émise, non enregistrée.</translation>
    </message>
    <message>
        <source>Invoice {number} saved to {path}.</source>
        <translation>Facture {number} enregistrée dans {path}.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Choose another folder.</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}. Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>SessionsTable</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermeture</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Encore ouverte</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>Set my PIN</source>
        <translation>Définir mon PIN</translation>
    </message>
    <message>
        <source>Save my PIN  (Enter)</source>
        <translation>Enregistrer mon PIN  (Entrée)</translation>
    </message>
    <message>
        <source>{username}: choose 4 to 8 digits. They unlock the counter for you, and let you take it over.</source>
        <translation>{username}&#xa0;: choisissez de 4 à 8 chiffres. Ils vous permettent de déverrouiller la caisse et de prendre la relève.</translation>
    </message>
    <message>
        <source>New &amp;PIN</source>
        <translation>Nouveau &amp;PIN</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Confirmer</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits, nothing else.</source>
        <translation>Un PIN se compose de 4 à 8 chiffres, rien d&apos;autre.</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same one twice.</source>
        <translation>Les deux PIN diffèrent&#xa0;: saisissez deux fois le même.</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>{total} SKU</source>
        <translation>{total} référence</translation>
    </message>
    <message>
        <source>{total} SKUs</source>
        <translation>{total} références</translation>
    </message>
    <message>
        <source>{shown} of {total} SKU</source>
        <translation>{shown} sur {total} référence</translation>
    </message>
    <message>
        <source>{shown} of {total} SKUs</source>
        <translation>{shown} sur {total} références</translation>
    </message>
    <message>
        <source>Filter by product, variant, SKU or barcode   (Ctrl+F)</source>
        <translation>Filtrer par produit, déclinaison, référence ou code-barres   (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Low stock only</source>
        <translation>Stock &amp;bas uniquement</translation>
    </message>
    <message>
        <source>SKUs at or below their low-stock alert level, out-of-stock ones included</source>
        <translation>Références à leur seuil d&apos;alerte de stock bas ou en dessous, ruptures comprises</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Reload the stock list (F5)</source>
        <translation>Recharger la liste du stock (F5)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Could not load the stock list. {reason}</source>
        <translation>Impossible de charger la liste du stock. {reason}</translation>
    </message>
    <message>
        <source>{count} low stock</source>
        <translation>{count} en stock bas</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Déclinaison</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Code-barres</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Unit price, after promotion and variant price</source>
        <translation>Prix unitaire, après promotion et prix de la déclinaison</translation>
    </message>
    <message>
        <source>Held for online orders that are being paid</source>
        <translation>Réservé pour des commandes en ligne en cours de paiement</translation>
    </message>
    <message>
        <source>On hand minus reserved: what can still be sold</source>
        <translation>En stock moins réservé&#xa0;: ce qui peut encore être vendu</translation>
    </message>
    <message>
        <source>Out of stock: {available} available.</source>
        <translation>Rupture de stock&#xa0;: {available} disponible(s).</translation>
    </message>
    <message>
        <source>Low stock: {available} available, alert at {threshold} or fewer.</source>
        <translation>Stock bas&#xa0;: {available} disponible(s), alerte à {threshold} ou moins.</translation>
    </message>
</context>
<context>
    <name>TicketModel</name>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Units available for sale (on hand minus online holds) when last looked</source>
        <translation>Stock disponible à la vente (en stock moins les réservations en ligne) lors de la dernière consultation</translation>
    </message>
    <message>
        <source>Everything taken off the line: promotions, partner, line and ticket discounts</source>
        <translation>Tout ce qui est déduit de la ligne&#xa0;: promotions, remises partenaire, de ligne et de ticket</translation>
    </message>
    <message>
        <source>Line discount -{percent} %</source>
        <translation>Remise ligne -{percent}&#xa0;%</translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation>Remise ticket</translation>
    </message>
    <message>
        <source>Only {available} available: {quantity} asked.</source>
        <translation>Seulement {available} disponible(s)&#xa0;: {quantity} demandé(s).</translation>
    </message>
    <message>
        <source>Low stock: {available} available.</source>
        <translation>Stock bas&#xa0;: {available} disponible(s).</translation>
    </message>
    <message>
        <source>{available} available.</source>
        <translation>{available} disponible(s).</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Scan a product to start a ticket.</source>
        <translation>Scannez un produit pour commencer un ticket.</translation>
    </message>
    <message>
        <source>− (-)</source>
        <translation>− (-)</translation>
    </message>
    <message>
        <source>One less of the selected line (the - key while the scan field is empty)</source>
        <translation>Un de moins sur la ligne sélectionnée (touche - quand le champ de saisie est vide)</translation>
    </message>
    <message>
        <source>+ (+)</source>
        <translation>+ (+)</translation>
    </message>
    <message>
        <source>One more of the selected line (the + key while the scan field is empty)</source>
        <translation>Un de plus sur la ligne sélectionnée (touche + quand le champ de saisie est vide)</translation>
    </message>
    <message>
        <source>Discount % (F6)</source>
        <translation>Remise&#xa0;% (F6)</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Retirer (Suppr)</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <source>Sales so far</source>
        <translation>Ventes de la session</translation>
    </message>
    <message>
        <source>Cash expected in the drawer</source>
        <translation>Espèces attendues dans le tiroir-caisse</translation>
    </message>
    <message>
        <source>Open the till…</source>
        <translation>Ouvrir la caisse…</translation>
    </message>
    <message>
        <source>Cash in…</source>
        <translation>Entrée d&apos;espèces…</translation>
    </message>
    <message>
        <source>Cash out…</source>
        <translation>Sortie d&apos;espèces…</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <source>Close the till…</source>
        <translation>Fermer la caisse…</translation>
    </message>
    <message>
        <source>Open the drawer…</source>
        <translation>Ouvrir le tiroir-caisse…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Rembourser…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Show its report</source>
        <translation>Voir son rapport</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Open since</source>
        <translation>Ouverte depuis</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Fond de caisse d&apos;ouverture</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Sessions précédentes</translation>
    </message>
    <message>
        <source>Could not read the till. {reason}</source>
        <translation>Impossible de lire la caisse. {reason}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Reading the till…</source>
        <translation>Lecture de la caisse…</translation>
    </message>
    <message>
        <source>This shop has no register yet: an admin adds one in the settings.</source>
        <translation>Cette boutique n&apos;a encore aucune caisse&#xa0;: un administrateur l&apos;ajoute dans les réglages.</translation>
    </message>
    <message>
        <source>The till is closed. Count the drawer and open it with that float before the first sale.</source>
        <translation>La caisse est fermée. Comptez le tiroir-caisse et ouvrez la caisse avec ce fond avant la première vente.</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par&#xa0;%2</translation>
    </message>
    <message>
        <source>{count} · {total}</source>
        <translation>{count} · {total}</translation>
    </message>
    <message>
        <source>The till of {register} is open with {amount}.</source>
        <translation>La caisse {register} est ouverte avec {amount}.</translation>
    </message>
    <message>
        <source>The till of {register} is closed.</source>
        <translation>La caisse {register} est fermée.</translation>
    </message>
    <message>
        <source>The opening is recorded, but the drawer did not open: {reason}</source>
        <translation>L&apos;ouverture est enregistrée, mais le tiroir-caisse ne s&apos;est pas ouvert&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The drawer is open.</source>
        <translation>Le tiroir-caisse est ouvert.</translation>
    </message>
</context>
<context>
    <name>TillReport</name>
    <message>
        <source>Z report</source>
        <translation>Rapport Z</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <source>{kind} · {register} #{session}</source>
        <translation>{kind} · {register} n° {session}</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Discounts given</source>
        <translation>Remises accordées</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Voided tickets</source>
        <translation>Tickets annulés</translation>
    </message>
    <message>
        <source>Drawer openings without a sale</source>
        <translation>Ouvertures du tiroir-caisse sans vente</translation>
    </message>
    <message>
        <source>VAT {rate}</source>
        <translation>TVA {rate}</translation>
    </message>
    <message>
        <source>{vat} on {net} net</source>
        <translation>{vat} sur {net} HT</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Fond de caisse d&apos;ouverture</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Entrées d&apos;espèces</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Sorties d&apos;espèces</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Espèces attendues</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <source>{count} item(s)</source>
        <translation>{count} article(s)</translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation>Sous-total {amount}</translation>
    </message>
    <message>
        <source>incl. VAT {rate} %: {vat}</source>
        <translation>dont TVA {rate}&#xa0;%&#xa0;: {vat}</translation>
    </message>
    <message>
        <source>Ticket discount {percent} %</source>
        <translation>Remise ticket {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>ticket {percent} %</source>
        <translation>ticket {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>Discounts -{amount}</source>
        <translation>Remises -{amount}</translation>
    </message>
</context>
<context>
    <name>VariantPicker</name>
    <message>
        <source>Choose a variant</source>
        <translation>Choisissez une déclinaison</translation>
    </message>
    <message>
        <source>Click a variant, or press Esc to go back.</source>
        <translation>Cliquez sur une déclinaison, ou appuyez sur Échap pour revenir.</translation>
    </message>
    <message>
        <source>{variant}
Out of stock</source>
        <translation>{variant}
Rupture de stock</translation>
    </message>
    <message>
        <source>{variant}
{price} · {available} available</source>
        <translation>{variant}
{price} · {available} disponible(s)</translation>
    </message>
</context>
</TS>
