<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Registers</source>
        <translation>&amp;Caisses</translation>
    </message>
    <message>
        <source>S&amp;hop</source>
        <translation>&amp;Boutique</translation>
    </message>
    <message>
        <source>&amp;Taxes</source>
        <translation>&amp;TVA</translation>
    </message>
    <message>
        <source>In&amp;voices</source>
        <translation>&amp;Factures</translation>
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation>&amp;Imprimante</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Online shop</source>
        <translation>Boutique en &amp;ligne</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Could not load this page. {reason}</source>
        <translation>Impossible de charger cette page. {reason}</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Slot · customer</source>
        <translation>Créneau · client</translation>
    </message>
    <message>
        <source>Seats · email</source>
        <translation>Places · e-mail</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Price · paid</source>
        <translation>Prix · payé</translation>
    </message>
    <message>
        <source>{day} · no slot</source>
        <translation>{day} · aucun créneau</translation>
    </message>
    <message>
        <source>Seat {seat}</source>
        <translation>Place {seat}</translation>
    </message>
    <message>
        <source>The last email could not be sent: {reason}</source>
        <translation>Le dernier e-mail n&apos;a pas pu être envoyé&#xa0;: {reason}</translation>
    </message>
</context>
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
    <name>BookSlotDialog</name>
    <message>
        <source>Book a slot</source>
        <translation>Réserver un créneau</translation>
    </message>
    <message>
        <source>Loading the free slots…</source>
        <translation>Chargement des créneaux libres…</translation>
    </message>
    <message>
        <source>The customer&apos;s name (required)</source>
        <translation>Nom du client (obligatoire)</translation>
    </message>
    <message>
        <source>For the confirmation and its calendar file (optional)</source>
        <translation>Pour la confirmation et son fichier d&apos;agenda (facultatif)</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>Free slots</source>
        <translation>Créneaux libres</translation>
    </message>
    <message>
        <source>Slots with a free seat in the next {days} days. Pick one with ↑ ↓.</source>
        <translation>Créneaux avec une place libre dans les {days} prochains jours. Choisissez-en un avec ↑ ↓.</translation>
    </message>
    <message>
        <source>No slot has a free seat in the next {days} days.</source>
        <translation>Aucun créneau n&apos;a de place libre dans les {days} prochains jours.</translation>
    </message>
    <message>
        <source>Could not read the free slots.</source>
        <translation>Impossible de lire les créneaux libres.</translation>
    </message>
    <message>
        <source>Book  (Enter)</source>
        <translation>Réserver  (Entrée)</translation>
    </message>
    <message>
        <source>To take: {amount} by {method}</source>
        <translation>À payer&#xa0;: {amount} en {method}</translation>
    </message>
    <message>
        <source>Book and take {amount}  (Enter)</source>
        <translation>Réserver et encaisser {amount}  (Entrée)</translation>
    </message>
    <message>
        <source>Type the customer&apos;s name: the booking is in their name.</source>
        <translation>Saisissez le nom du client&#xa0;: la réservation est à son nom.</translation>
    </message>
    <message>
        <source>Booking {number} recorded for {name}: {slot}, {when} · {amount} by {method}.</source>
        <translation>Réservation {number} enregistrée pour {name}&#xa0;: {slot}, {when} · {amount} en {method}.</translation>
    </message>
    <message>
        <source>The confirmation email could not be sent: {reason}</source>
        <translation>L&apos;e-mail de confirmation n&apos;a pas pu être envoyé&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>BookingTexts</name>
    <message>
        <source>Paying now</source>
        <translation>En paiement</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Paiement refusé</translation>
    </message>
    <message>
        <source>Given up by the customer</source>
        <translation>Abandonnée par le client</translation>
    </message>
    <message>
        <source>Not paid in time</source>
        <translation>Non payée à temps</translation>
    </message>
    <message>
        <source>Seat gone: refund on its way</source>
        <translation>Plus de place&#xa0;: remboursement en cours</translation>
    </message>
    <message>
        <source>Seat gone: refunded</source>
        <translation>Plus de place&#xa0;: remboursée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Fitting</source>
        <translation>Essayage</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Réparation</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>Semaine du {day}</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>{free} of {capacity} free</source>
        <translation>{free} sur {capacity} libre(s)</translation>
    </message>
    <message>
        <source>{free} · {held} being paid</source>
        <translation>{free} · {held} en paiement</translation>
    </message>
    <message>
        <source>Counter · {method}</source>
        <translation>Caisse · {method}</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Online (Stripe)</source>
        <translation>En ligne (Stripe)</translation>
    </message>
    <message>
        <source>Paying now (until {time})</source>
        <translation>En paiement (jusqu&apos;à {time})</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Only a confirmed booking can be cancelled.</source>
        <translation>Seule une réservation confirmée peut être annulée.</translation>
    </message>
    <message>
        <source>Sold at the counter: a cashier cancels it at the till, where the money goes back.</source>
        <translation>Vendue en boutique&#xa0;: un caissier l&apos;annule à la caisse, où l&apos;argent est rendu.</translation>
    </message>
    <message>
        <source>Bookings refunded because the seat was gone, and emails that could not be sent</source>
        <translation>Réservations remboursées faute de place, et e-mails qui n&apos;ont pas pu être envoyés</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the bookings again now (F5); they also reload every few seconds</source>
        <translation>Relire les réservations maintenant (F5)&#x202f;; elles se rechargent aussi toutes les quelques secondes</translation>
    </message>
    <message>
        <source>Slots and bookings</source>
        <translation>Créneaux et réservations</translation>
    </message>
    <message>
        <source>Bookings to follow up</source>
        <translation>Réservations à suivre</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>◀ Previous  (Alt+←)</source>
        <translation>◀ Précédent  (Alt+←)</translation>
    </message>
    <message>
        <source>Today  (Alt+Home)</source>
        <translation>Aujourd&apos;hui  (Alt+Début)</translation>
    </message>
    <message>
        <source>Next ▶  (Alt+→)</source>
        <translation>Suivant ▶  (Alt+→)</translation>
    </message>
    <message>
        <source>New slot…  (Ctrl+N)</source>
        <translation>Nouveau créneau…  (Ctrl+N)</translation>
    </message>
    <message>
        <source>Slots every week…  (Ctrl+Shift+N)</source>
        <translation>Créneaux hebdomadaires…  (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Cancel the booking…  (Del)</source>
        <translation>Annuler la réservation…  (Suppr)</translation>
    </message>
    <message>
        <source>Withdraw the slot…  (Shift+Del)</source>
        <translation>Retirer le créneau…  (Maj+Suppr)</translation>
    </message>
    <message>
        <source>To follow up</source>
        <translation>À suivre</translation>
    </message>
    <message>
        <source>Resend the email  (Ctrl+E)</source>
        <translation>Renvoyer l&apos;e-mail  (Ctrl+E)</translation>
    </message>
    <message>
        <source>{day} · today</source>
        <translation>{day} · aujourd&apos;hui</translation>
    </message>
    <message>
        <source>No slot this week. Create one with New slot (Ctrl+N).</source>
        <translation>Aucun créneau cette semaine. Créez-en un avec Nouveau créneau (Ctrl+N).</translation>
    </message>
    <message>
        <source>No slot on this day. Create one with New slot (Ctrl+N).</source>
        <translation>Aucun créneau ce jour-là. Créez-en un avec Nouveau créneau (Ctrl+N).</translation>
    </message>
    <message>
        <source>{count} to follow up</source>
        <translation>{count} à suivre</translation>
    </message>
    <message>
        <source>Could not read the bookings. {reason}</source>
        <translation>Impossible de lire les réservations. {reason}</translation>
    </message>
    <message>
        <source>Cancel the chosen booking; the customer is refunded and emailed</source>
        <translation>Annuler la réservation choisie&#x202f;; le client est remboursé et prévenu par e-mail</translation>
    </message>
    <message>
        <source>Cancel its bookings first: each is refunded.</source>
        <translation>Annulez d&apos;abord ses réservations&#xa0;: chacune est remboursée.</translation>
    </message>
    <message>
        <source>Take the chosen slot off the calendar: nobody can book it any more</source>
        <translation>Retirer le créneau choisi de l&apos;agenda&#xa0;: plus personne ne peut le réserver</translation>
    </message>
    <message>
        <source>Slot created: {title}, {when}.</source>
        <translation>Créneau créé&#xa0;: {title}, {when}.</translation>
    </message>
    <message>
        <source>{created} created, {existing} already existed.</source>
        <translation>{created} créé(s), {existing} déjà existant(s).</translation>
    </message>
    <message>
        <source>Booking {booking} cancelled and refunded.</source>
        <translation>Réservation {booking} annulée et remboursée.</translation>
    </message>
    <message>
        <source>Withdraw the slot</source>
        <translation>Retirer le créneau</translation>
    </message>
    <message>
        <source>Withdraw {title}, {when}? Nobody can book it any more.</source>
        <translation>Retirer {title}, {when}&#x202f;? Plus personne ne pourra le réserver.</translation>
    </message>
    <message>
        <source>Withdraw  (Enter)</source>
        <translation>Retirer  (Entrée)</translation>
    </message>
    <message>
        <source>Keep it  (Esc)</source>
        <translation>Le garder  (Échap)</translation>
    </message>
    <message>
        <source>Slot withdrawn: {title}, {when}.</source>
        <translation>Créneau retiré&#xa0;: {title}, {when}.</translation>
    </message>
    <message>
        <source>Email sent to {email}.</source>
        <translation>E-mail envoyé à {email}.</translation>
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
    <name>CancelBookingDialog</name>
    <message>
        <source>The customer asked</source>
        <translation>À la demande du client</translation>
    </message>
    <message>
        <source>The shop cannot hold it</source>
        <translation>La boutique ne peut pas l&apos;assurer</translation>
    </message>
    <message>
        <source>Booked twice</source>
        <translation>Réservée deux fois</translation>
    </message>
    <message>
        <source>{name} paid {amount} at the counter by {method}. Give it back by {method} at your open till: the till&apos;s report counts the refund.</source>
        <translation>{name} a payé {amount} en boutique en {method}. Rendez-le en {method} depuis votre caisse ouverte&#xa0;: le rapport de caisse compte le remboursement.</translation>
    </message>
    <message>
        <source>{name} paid {amount} online. Cancelling refunds it through Stripe at once (the bank takes a few days to show it) and emails the customer.</source>
        <translation>{name} a payé {amount} en ligne. L&apos;annulation le rembourse aussitôt par Stripe (la banque met quelques jours à l&apos;afficher) et prévient le client par e-mail.</translation>
    </message>
    <message>
        <source>Cancel a booking</source>
        <translation>Annuler une réservation</translation>
    </message>
    <message>
        <source>{booking} · {slot} · {when}</source>
        <translation>{booking} · {slot} · {when}</translation>
    </message>
    <message>
        <source>Why? (required: the customer&apos;s email says it)</source>
        <translation>Pourquoi&#x202f;? (obligatoire&#xa0;: l&apos;e-mail au client l&apos;indique)</translation>
    </message>
    <message>
        <source>Cancel and refund  (Enter)</source>
        <translation>Annuler et rembourser  (Entrée)</translation>
    </message>
    <message>
        <source>Keep the booking  (Esc)</source>
        <translation>Garder la réservation  (Échap)</translation>
    </message>
    <message>
        <source>Say why in a few words: the customer is told.</source>
        <translation>Indiquez le motif en quelques mots&#xa0;: le client en est informé.</translation>
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
    <name>CataloguePage</name>
    <message>
        <source>Find a product by name, SKU or barcode   (Ctrl+F)</source>
        <translation>Chercher un produit par nom, référence ou code-barres   (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New product  (Ctrl+N)</source>
        <translation>&amp;Nouveau produit  (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…  (Ctrl+I)</source>
        <translation>&amp;Importer un CSV…  (Ctrl+I)</translation>
    </message>
    <message>
        <source>No product matches.</source>
        <translation>Aucun produit ne correspond.</translation>
    </message>
    <message>
        <source>{count} product(s)</source>
        <translation>{count} produit(s)</translation>
    </message>
</context>
<context>
    <name>ClosePeriodDialog</name>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <source>Close a month</source>
        <translation>Clôturer un mois</translation>
    </message>
    <message>
        <source>The month&apos;s totals are sealed in the journal of every register. No sale, refund or cash movement can be dated in a closed month any more. This cannot be undone.</source>
        <translation>Les totaux du mois sont scellés dans le journal de chaque caisse. Aucune vente, aucun remboursement ni mouvement d&apos;espèces ne pourra plus être daté dans un mois clôturé. C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Close a year</source>
        <translation>Clôturer une année</translation>
    </message>
    <message>
        <source>The year&apos;s totals are sealed in the journal of every register, once each of its months is closed. This cannot be undone.</source>
        <translation>Les totaux de l&apos;année sont scellés dans le journal de chaque caisse, une fois chacun de ses mois clôturé. C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Année</translation>
    </message>
    <message>
        <source>Close it  (Enter)</source>
        <translation>Clôturer  (Entrée)</translation>
    </message>
    <message>
        <source>Periods run from midnight to midnight UTC, as the journal counts them.</source>
        <translation>Les périodes vont de minuit à minuit UTC, comme le journal les compte.</translation>
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
    <name>ClosingsTableModel</name>
    <message>
        <source>Register</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>Grand total</translation>
    </message>
    <message>
        <source>Journal entries dated in the period</source>
        <translation>Écritures du journal datées dans la période</translation>
    </message>
    <message>
        <source>The register&apos;s perpetual grand total at the end of the period</source>
        <translation>Le grand total perpétuel de la caisse à la fin de la période</translation>
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
        <source>Book a slot (F9)</source>
        <translation>Réserver un créneau (F9)</translation>
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
    <name>CreditNoteDialog</name>
    <message>
        <source>Credit note for {number}</source>
        <translation>Avoir sur {number}</translation>
    </message>
    <message>
        <source>The &amp;whole invoice: everything not credited yet</source>
        <translation>Toute la &amp;facture&#xa0;: tout ce qui n&apos;a pas encore fait l&apos;objet d&apos;un avoir</translation>
    </message>
    <message>
        <source>&amp;Some lines, with these quantities:</source>
        <translation>C&amp;ertaines lignes, avec ces quantités&#xa0;:</translation>
    </message>
    <message>
        <source>Returned goods, price error, cancelled sale…</source>
        <translation>Marchandise retournée, erreur de prix, vente annulée…</translation>
    </message>
    <message>
        <source>Issue the credit note  (Ctrl+Enter)</source>
        <translation>Émettre l&apos;avoir  (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Not credited yet</source>
        <translation>Pas encore en avoir</translation>
    </message>
    <message>
        <source>To credit</source>
        <translation>À créditer</translation>
    </message>
    <message>
        <source>Quantity to credit on line {position}</source>
        <translation>Quantité à créditer sur la ligne {position}</translation>
    </message>
    <message>
        <source>{customer} · issued on {day} · {gross} incl. VAT</source>
        <translation>{customer} · émise le {day} · {gross} TTC</translation>
    </message>
    <message>
        <source>&amp;Reason (printed on the credit note)</source>
        <translation>&amp;Motif (imprimé sur l&apos;avoir)</translation>
    </message>
    <message>
        <source>Say why the invoice is credited: the reason is printed on the credit note.</source>
        <translation>Indiquez le motif de l&apos;avoir&#xa0;: il est imprimé sur l&apos;avoir.</translation>
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
    <name>Dashboard</name>
    <message>
        <source>{register} · {closed} by {user} · {total}</source>
        <translation>{register} · {closed} par {user} · {total}</translation>
    </message>
    <message>
        <source>variance {amount}</source>
        <translation>écart {amount}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Sales today</source>
        <translation>Ventes du jour</translation>
    </message>
    <message>
        <source>Open the sales reports →</source>
        <translation>Ouvrir les rapports de ventes →</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Stock bas</translation>
    </message>
    <message>
        <source>Open the stock list →</source>
        <translation>Ouvrir la liste du stock →</translation>
    </message>
    <message>
        <source>Online holds</source>
        <translation>Réservations en ligne</translation>
    </message>
    <message>
        <source>Open the online orders →</source>
        <translation>Ouvrir les commandes en ligne →</translation>
    </message>
    <message>
        <source>Last till closings</source>
        <translation>Dernières fermetures de caisse</translation>
    </message>
    <message>
        <source>Open the Z reports →</source>
        <translation>Ouvrir les rapports Z →</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh  (F5)</source>
        <translation>Actualiser  (F5)</translation>
    </message>
    <message>
        <source>No sale yet today.</source>
        <translation>Aucune vente aujourd&apos;hui pour le moment.</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>1 vente</translation>
    </message>
    <message>
        <source>{count} sales</source>
        <translation>{count} ventes</translation>
    </message>
    <message>
        <source>{amount} refunded</source>
        <translation>{amount} remboursé(s)</translation>
    </message>
    <message>
        <source>No SKU is running low.</source>
        <translation>Aucune référence en stock bas.</translation>
    </message>
    <message>
        <source>SKU at or below its alert level</source>
        <translation>référence à son seuil d&apos;alerte ou en dessous</translation>
    </message>
    <message>
        <source>SKUs at or below their alert level</source>
        <translation>références à leur seuil d&apos;alerte ou en dessous</translation>
    </message>
    <message>
        <source>Nobody is paying online right now.</source>
        <translation>Personne n&apos;est en train de payer en ligne.</translation>
    </message>
    <message>
        <source>active hold</source>
        <translation>réservation en cours</translation>
    </message>
    <message>
        <source>active holds</source>
        <translation>réservations en cours</translation>
    </message>
    <message>
        <source>1 unit held while the customer pays</source>
        <translation>1 unité réservée pendant le paiement du client</translation>
    </message>
    <message>
        <source>{count} units held while customers pay</source>
        <translation>{count} unités réservées pendant le paiement des clients</translation>
    </message>
    <message>
        <source>No till was closed yet.</source>
        <translation>Aucune caisse n&apos;a encore été fermée.</translation>
    </message>
    <message>
        <source>{count} with a cash variance</source>
        <translation>{count} avec un écart d&apos;espèces</translation>
    </message>
    <message>
        <source>Cash as counted</source>
        <translation>Espèces conformes au comptage</translation>
    </message>
    <message>
        <source>Could not read today&apos;s figures. {reason}</source>
        <translation>Impossible de lire les chiffres du jour. {reason}</translation>
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
    <name>EmailInvoiceDialog</name>
    <message>
        <source>Email the invoice</source>
        <translation>Envoyer la facture par e-mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;email address</source>
        <translation>&amp;Adresse e-mail du client</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Type the customer&apos;s email address, such as name@example.com.</source>
        <translation>Saisissez l&apos;adresse e-mail du client, par exemple nom@exemple.fr.</translation>
    </message>
    <message>
        <source>Email {number}</source>
        <translation>Envoyer {number} par e-mail</translation>
    </message>
    <message>
        <source>Send  (Enter)</source>
        <translation>Envoyer  (Entrée)</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Destinataire</translation>
    </message>
    <message>
        <source>The PDF of {number} is sent as an attachment.</source>
        <translation>Le PDF de {number} est envoyé en pièce jointe.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Export a period</source>
        <translation>Exporter une période</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Export  (Enter)</source>
        <translation>Exporter  (Entrée)</translation>
    </message>
    <message>
        <source>Cancel the export  (Esc)</source>
        <translation>Annuler l&apos;export  (Échap)</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Fermer  (Échap)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>D&amp;u</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <source>(both included)</source>
        <translation>(inclus)</translation>
    </message>
    <message>
        <source>F&amp;older</source>
        <translation>D&amp;ossier</translation>
    </message>
    <message>
        <source>Writes the PDF of every invoice and credit note issued in the period, and a summary of them (CSV and Excel) with their totals, into the folder.</source>
        <translation>Écrit dans le dossier le PDF de chaque facture et de chaque avoir émis sur la période, ainsi qu&apos;un récapitulatif (CSV et Excel) avec leurs totaux.</translation>
    </message>
    <message>
        <source>Folder for the export</source>
        <translation>Dossier de l&apos;export</translation>
    </message>
    <message>
        <source>Choose the folder the PDFs and the summary go into.</source>
        <translation>Choisissez le dossier où enregistrer les PDF et le récapitulatif.</translation>
    </message>
    <message>
        <source>Reading the period…</source>
        <translation>Lecture de la période…</translation>
    </message>
    <message>
        <source>Stopping after the PDFs being written now…</source>
        <translation>Arrêt après les PDF en cours d&apos;écriture…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Écriture du récapitulatif…</translation>
    </message>
    <message>
        <source>Writing the PDFs: {written} of {total}</source>
        <translation>Écriture des PDF&#xa0;: {written} sur {total}</translation>
    </message>
    <message>
        <source>{count} invoices and credit notes written to {folder}, with the summary {csv} and {xlsx}. Total incl. VAT: {gross}.</source>
        <translation>{count} factures et avoirs écrits dans {folder}, avec le récapitulatif {csv} et {xlsx}. Total TTC&#xa0;: {gross}.</translation>
    </message>
    <message>
        <source>No invoice or credit note was issued in that period. The summary {csv} and {xlsx}, empty, is in {folder}.</source>
        <translation>Aucune facture ni aucun avoir n&apos;a été émis sur cette période. Le récapitulatif {csv} et {xlsx}, vide, est dans {folder}.</translation>
    </message>
    <message>
        <source>Export stopped: {written} of {total} PDFs were written to {folder}, and no summary. Export the period again to have all of it.</source>
        <translation>Export arrêté&#xa0;: {written} PDF sur {total} ont été écrits dans {folder}, sans récapitulatif. Exportez à nouveau la période pour l&apos;avoir en entier.</translation>
    </message>
    <message>
        <source>Could not write into {folder} ({reason}). Choose another folder and export again.</source>
        <translation>Impossible d&apos;écrire dans {folder} ({reason}). Choisissez un autre dossier et exportez à nouveau.</translation>
    </message>
    <message>
        <source>The export did not finish. {reason}</source>
        <translation>L&apos;export n&apos;a pas abouti. {reason}</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Booking</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Créneau</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>Paid after the seat was gone: the refund is on its way.</source>
        <translation>Payée alors qu&apos;il n&apos;y avait plus de place&#xa0;: le remboursement est en cours.</translation>
    </message>
    <message>
        <source>Paid after the seat was gone: refunded.</source>
        <translation>Payée alors qu&apos;il n&apos;y avait plus de place&#xa0;: remboursée.</translation>
    </message>
    <message>
        <source>Email not sent: {reason}</source>
        <translation>E-mail non envoyé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>(no email)</source>
        <translation>(pas d&apos;e-mail)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
</context>
<context>
    <name>FreeSlotsModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Créneau</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>More than {count} movements</source>
        <translation>Plus de {count} mouvements</translation>
    </message>
    <message>
        <source>1 movement</source>
        <translation>1 mouvement</translation>
    </message>
    <message>
        <source>{count} movements</source>
        <translation>{count} mouvements</translation>
    </message>
    <message>
        <source>Any SKU</source>
        <translation>Toutes les références</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation>Relire l&apos;historique (F5)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…  (Ctrl+E)</source>
        <translation>&amp;Exporter en CSV…  (Ctrl+E)</translation>
    </message>
    <message>
        <source>Stop the export</source>
        <translation>Arrêter l&apos;export</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>&amp;SKU</source>
        <translation>&amp;Réf.</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Export the movements as CSV</source>
        <translation>Exporter les mouvements en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Exporting… {count} movements written</source>
        <translation>Export… {count} mouvements écrits</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Export stopped: no file was written.</source>
        <translation>Export arrêté&#xa0;: aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Exported {count} movements to {path}</source>
        <translation>{count} mouvements exportés dans {path}</translation>
    </message>
    <message>
        <source>Could not write the file ({reason}). Choose another folder and export again.</source>
        <translation>Impossible d&apos;écrire le fichier ({reason}). Choisissez un autre dossier et exportez à nouveau.</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>New product</source>
        <translation>Nouveau produit</translation>
    </message>
    <message>
        <source>New variant</source>
        <translation>Nouvelle déclinaison</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>category</source>
        <translation>catégorie</translation>
    </message>
    <message>
        <source>brand</source>
        <translation>marque</translation>
    </message>
    <message>
        <source>price</source>
        <translation>prix</translation>
    </message>
    <message>
        <source>promo price</source>
        <translation>prix promo</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>code-barres</translation>
    </message>
    <message>
        <source>size</source>
        <translation>taille</translation>
    </message>
    <message>
        <source>properties</source>
        <translation>propriétés</translation>
    </message>
    <message>
        <source>own price</source>
        <translation>prix propre</translation>
    </message>
    <message>
        <source>alert at</source>
        <translation>alerte à</translation>
    </message>
    <message>
        <source>on sale</source>
        <translation>en vente</translation>
    </message>
    <message>
        <source>on hand</source>
        <translation>en stock</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>{count} bad row(s): nothing can be imported until the file is fixed.</source>
        <translation>{count} ligne(s) en erreur&#xa0;: rien ne peut être importé tant que le fichier n’est pas corrigé.</translation>
    </message>
    <message>
        <source>new product(s)</source>
        <translation>nouveau(x) produit(s)</translation>
    </message>
    <message>
        <source>new variant(s)</source>
        <translation>nouvelle(s) déclinaison(s)</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifiée(s)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangée(s)</translation>
    </message>
    <message>
        <source>Import the catalogue from CSV</source>
        <translation>Importer le catalogue depuis un CSV</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <source>&amp;Choose a file…  (Ctrl+O)</source>
        <translation>&amp;Choisir un fichier…  (Ctrl+O)</translation>
    </message>
    <message>
        <source>Bad rows</source>
        <translation>Lignes erronées</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>What will change</source>
        <translation>Ce qui va changer</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Fermer  (Échap)</translation>
    </message>
    <message>
        <source>One row per SKU, with the columns of an export (sku, product, price, vat_rate, on_hand…). Rows with the same product name become one product with several variants. A file is imported whole or not at all.</source>
        <translation>Une ligne par référence, avec les colonnes d&apos;un export (sku, product, price, vat_rate, on_hand…). Les lignes portant le même nom de produit deviennent un seul produit à plusieurs déclinaisons. Un fichier est importé en entier ou pas du tout.</translation>
    </message>
    <message>
        <source>Choose the CSV file to import</source>
        <translation>Choisissez le fichier CSV à importer</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>The catalogue already matches this file: nothing to import.</source>
        <translation>Le catalogue correspond déjà à ce fichier&#xa0;: rien à importer.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Imported: {products} new product(s), {created} new variant(s), {updated} updated, {movements} stock movement(s).</source>
        <translation>Import terminé&#xa0;: {products} nouveau(x) produit(s), {created} nouvelle(s) déclinaison(s), {updated} modifiée(s), {movements} mouvement(s) de stock.</translation>
    </message>
    <message>
        <source>{count} bad row(s): nothing was imported.</source>
        <translation>{count} ligne(s) en erreur&#xa0;: rien n’a été importé.</translation>
    </message>
    <message>
        <source>Could not read the file ({reason}). Check that it is a CSV file saved as UTF-8.</source>
        <translation>Impossible de lire le fichier ({reason}). Vérifiez qu&apos;il s&apos;agit d&apos;un fichier CSV enregistré en UTF-8.</translation>
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
    <name>InvoiceDialog</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Email…</source>
        <translation>Envoyer par e-mail…</translation>
    </message>
    <message>
        <source>Issue a credit note…</source>
        <translation>Émettre un avoir…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Fermer  (Échap)</translation>
    </message>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>Could not read {number}. {reason}</source>
        <translation>Impossible de lire {number}. {reason}</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Date d&apos;émission</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Counter sale</source>
        <translation>Vente en boutique</translation>
    </message>
    <message>
        <source>Online order</source>
        <translation>Commande en ligne</translation>
    </message>
    <message>
        <source>Corrects invoice</source>
        <translation>Corrige la facture</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>Avoirs</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>VAT number: {number}</source>
        <translation>N° de TVA&#xa0;: {number}</translation>
    </message>
    <message>
        <source>Company number: {number}</source>
        <translation>N° d&apos;immatriculation&#xa0;: {number}</translation>
    </message>
    <message>
        <source>VAT {rate} on {base}</source>
        <translation>TVA {rate} sur {base}</translation>
    </message>
    <message>
        <source>Total excl. VAT</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>Crédité</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Nothing is left to credit on this document.</source>
        <translation>Il ne reste rien à créditer sur ce document.</translation>
    </message>
    <message>
        <source>Print {number}</source>
        <translation>Imprimer {number}</translation>
    </message>
    <message>
        <source>Printing {number}…</source>
        <translation>Impression de {number}…</translation>
    </message>
    <message>
        <source>{number}: {pages} page(s) sent to {printer}.</source>
        <translation>{number}&#xa0;: {pages} page(s) envoyée(s) à {printer}.</translation>
    </message>
    <message>
        <source>Save {number} as PDF</source>
        <translation>Enregistrer {number} en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving {number}…</source>
        <translation>Enregistrement de {number}…</translation>
    </message>
    <message>
        <source>{number} saved to {path}.</source>
        <translation>PDF de {number} enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Could not write the file ({reason}). Choose another folder and save again.</source>
        <translation>Impossible d&apos;écrire le fichier ({reason}). Choisissez un autre dossier et enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>{number} emailed to {address}.</source>
        <translation>E-mail de {number} envoyé à {address}.</translation>
    </message>
    <message>
        <source>Credit note {credit} issued for {invoice}.</source>
        <translation>Avoir {credit} émis pour {invoice}.</translation>
    </message>
</context>
<context>
    <name>InvoiceDocuments</name>
    <message>
        <source>The document could not be read for printing. Save it as a PDF and print that.</source>
        <translation>Le document n&apos;a pas pu être lu pour l&apos;impression. Enregistrez-le en PDF et imprimez celui-ci.</translation>
    </message>
    <message>
        <source>The printer {name} did not take the job: check that it is on and ready, then print again.</source>
        <translation>L&apos;imprimante {name} n&apos;a pas accepté l&apos;impression&#xa0;: vérifiez qu&apos;elle est allumée et prête, puis imprimez à nouveau.</translation>
    </message>
    <message>
        <source>The printer stopped in the middle of the document: print it again.</source>
        <translation>L&apos;imprimante s&apos;est arrêtée au milieu du document&#xa0;: imprimez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>InvoiceLinesModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Unit price, VAT included</source>
        <translation>Prix unitaire, TVA comprise</translation>
    </message>
    <message>
        <source>Everything taken off the line, VAT included</source>
        <translation>Tout ce qui est déduit de la ligne, TVA comprise</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Taux de TVA</translation>
    </message>
</context>
<context>
    <name>InvoiceListModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>When it was issued</source>
        <translation>Date d&apos;émission</translation>
    </message>
    <message>
        <source>Paid, due, overdue (past its due date), partly credited, credited, or a credit note</source>
        <translation>Payée, à payer, en retard (échéance dépassée), avoir partiel, soldée par avoir, ou avoir</translation>
    </message>
</context>
<context>
    <name>InvoiceTexts</name>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À payer</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Partly credited</source>
        <translation>Avoir partiel</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>Soldée par avoir</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <source>Issued by {user}</source>
        <translation>Émission par {user}</translation>
    </message>
    <message>
        <source>Printed by {user}</source>
        <translation>Impression par {user}</translation>
    </message>
    <message>
        <source>Reprinted by {user}</source>
        <translation>Réimpression par {user}</translation>
    </message>
    <message>
        <source>Saved as PDF by {user}</source>
        <translation>Enregistrement en PDF par {user}</translation>
    </message>
    <message>
        <source>Emailed by {user}</source>
        <translation>Envoi par e-mail par {user}</translation>
    </message>
    <message>
        <source>Exported by {user}</source>
        <translation>Export par {user}</translation>
    </message>
    <message>
        <source>Credited by credit note {document} ({user})</source>
        <translation>Avoir {document} émis par {user}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <source>1 document</source>
        <translation>1 document</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} documents</translation>
    </message>
    <message>
        <source>Customer   (Ctrl+F)</source>
        <translation>Client   (Ctrl+F)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Any series</source>
        <translation>Toutes les séries</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export a period…</source>
        <translation>Exporter une période…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Invoice an online order…</source>
        <translation>Facturer une commande en ligne…</translation>
    </message>
    <message>
        <source>Export a period…  (Ctrl+E)</source>
        <translation>Exporter une période…  (Ctrl+E)</translation>
    </message>
    <message>
        <source>Refresh  (F5)</source>
        <translation>Actualiser  (F5)</translation>
    </message>
    <message>
        <source>Open  (Enter)</source>
        <translation>Ouvrir  (Entrée)</translation>
    </message>
    <message>
        <source>Invoice an online order…  (Ctrl+I)</source>
        <translation>Facturer une commande en ligne…  (Ctrl+I)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Excl. VAT {net}  ·  VAT {vat}  ·  Incl. VAT {gross}</source>
        <translation>HT {net}  ·  TVA {vat}  ·  TTC {gross}</translation>
    </message>
    <message>
        <source>Could not read the invoices. {reason}</source>
        <translation>Impossible de lire les factures. {reason}</translation>
    </message>
</context>
<context>
    <name>InvoicingPanel</name>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Invoice series</source>
        <translation>Série des factures</translation>
    </message>
    <message>
        <source>A capital letter, then up to 9 capitals or digits: F gives F-2026-000001.</source>
        <translation>Une majuscule, puis jusqu&apos;à 9 majuscules ou chiffres&#xa0;: F donne F-2026-000001.</translation>
    </message>
    <message>
        <source>Credit note series</source>
        <translation>Série des avoirs</translation>
    </message>
    <message>
        <source>Payment term</source>
        <translation>Délai de paiement</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Numbers run without gaps per series and year. A new series applies to the next invoices; numbers already given never change.</source>
        <translation>Les numéros se suivent sans trou par série et par année. Une nouvelle série s&apos;applique aux prochaines factures&#x202f;; les numéros déjà attribués ne changent jamais.</translation>
    </message>
    <message>
        <source>Saved: the next invoices use it.</source>
        <translation>Enregistré&#xa0;: les prochaines factures l&apos;utilisent.</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Not checked yet. Verify the journal to know that no sale, refund or closing was changed, removed or slipped in since it was written.</source>
        <translation>Pas encore vérifié. Vérifiez le journal pour savoir si aucune vente, aucun remboursement ni aucune clôture n&apos;a été modifié, supprimé ou ajouté après coup.</translation>
    </message>
    <message>
        <source>Verify the journal</source>
        <translation>Vérifier le journal</translation>
    </message>
    <message>
        <source>Close a month…</source>
        <translation>Clôturer un mois…</translation>
    </message>
    <message>
        <source>Close a year…</source>
        <translation>Clôturer une année…</translation>
    </message>
    <message>
        <source>Export the archive…</source>
        <translation>Exporter l&apos;archive…</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Monthly and yearly closings</source>
        <translation>Clôtures mensuelles et annuelles</translation>
    </message>
    <message>
        <source>A signed ZIP file of the journal entries of whole days that are over: it can be checked years later without this program or its database.</source>
        <translation>Un fichier ZIP signé des écritures du journal des journées entières écoulées&#xa0;: il peut être vérifié des années plus tard sans ce logiciel ni sa base de données.</translation>
    </message>
    <message>
        <source>Period archive</source>
        <translation>Archive de période</translation>
    </message>
    <message>
        <source>Could not read the closings. {reason}</source>
        <translation>Impossible de lire les clôtures. {reason}</translation>
    </message>
    <message>
        <source>{period} is closed on {registers}: its totals are sealed in the journal.</source>
        <translation>{period} est clôturé sur {registers}&#xa0;: ses totaux sont scellés dans le journal.</translation>
    </message>
    <message>
        <source>Checking every entry of the journal…</source>
        <translation>Vérification de chaque écriture du journal…</translation>
    </message>
    <message>
        <source>Checked {moment}.</source>
        <translation>Vérifié le {moment}.</translation>
    </message>
    <message>
        <source>The journal could not be checked. {reason}</source>
        <translation>Le journal n&apos;a pas pu être vérifié. {reason}</translation>
    </message>
    <message>
        <source>Export the journal archive</source>
        <translation>Exporter l&apos;archive du journal</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>Archives ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Writing the archive, then checking it…</source>
        <translation>Écriture de l&apos;archive, puis vérification…</translation>
    </message>
    <message>
        <source>Could not write the archive ({reason}). Choose another folder and export again.</source>
        <translation>Impossible d&apos;écrire l&apos;archive ({reason}). Choisissez un autre dossier et exportez à nouveau.</translation>
    </message>
    <message>
        <source>No archive was written. {reason}</source>
        <translation>Aucune archive n&apos;a été écrite. {reason}</translation>
    </message>
</context>
<context>
    <name>JournalVerdict</name>
    <message>
        <source>1 entry</source>
        <translation>1 écriture</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} écritures</translation>
    </message>
    <message>
        <source>1 register</source>
        <translation>1 caisse</translation>
    </message>
    <message>
        <source>{count} registers</source>
        <translation>{count} caisses</translation>
    </message>
    <message>
        <source>The journal is empty: nothing was sold yet, so there is nothing to check.</source>
        <translation>Le journal est vide&#xa0;: rien n&apos;a encore été vendu, il n&apos;y a donc rien à vérifier.</translation>
    </message>
    <message>
        <source>The journal is intact: all {entries} of {registers} are exactly as they were written.</source>
        <translation>Le journal est intact&#xa0;: les {entries} de {registers} sont exactement telles qu&apos;elles ont été écrites.</translation>
    </message>
    <message>
        <source>The journal cannot be trusted: {reason}. Keep the database as it is and call for help.</source>
        <translation>Le journal n&apos;est pas fiable&#xa0;: {reason}. Laissez la base de données telle quelle et demandez de l&apos;aide.</translation>
    </message>
    <message>
        <source>The journal is broken: entry {sequence} of register {register} is not as it was written ({reason}). Keep the database as it is and call for help.</source>
        <translation>Le journal est altéré&#xa0;: l&apos;écriture {sequence} de la caisse {register} n&apos;est plus telle qu&apos;elle a été écrite ({reason}). Laissez la base de données telle quelle et demandez de l&apos;aide.</translation>
    </message>
    <message>
        <source>Signatures checked with the shop&apos;s key {fingerprint}.</source>
        <translation>Signatures vérifiées avec la clé de la boutique {fingerprint}.</translation>
    </message>
    <message>
        <source>Register {register} is broken too, from entry {sequence}: {reason}.</source>
        <translation>La caisse {register} est altérée elle aussi, à partir de l&apos;écriture {sequence}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Also: {problem}.</source>
        <translation>De plus&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>The archive is written to {path}: {entries} of {registers} and {closings} closing(s), from {first} to {last}. Read back from the file, it is intact. Its SHA-256 is {sha256}: note it down beside the file.</source>
        <translation>L&apos;archive est écrite dans {path}&#xa0;: {entries} de {registers} et {closings} clôture(s), du {first} au {last}. Relue depuis le fichier, elle est intacte. Son SHA-256 est {sha256}&#xa0;: notez-le à côté du fichier.</translation>
    </message>
    <message>
        <source>The archive is written to {path}, but reading it back found a problem: {problem}. Do not keep this file: delete it and export again; if it happens again, call for help.</source>
        <translation>L&apos;archive est écrite dans {path}, mais sa relecture a révélé un problème&#xa0;: {problem}. Ne gardez pas ce fichier&#xa0;: supprimez-le et exportez à nouveau&#x202f;; si cela se reproduit, demandez de l&apos;aide.</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>Barcode labels</source>
        <translation>Étiquettes code-barres</translation>
    </message>
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
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Add a SKU: type or scan its code or barcode, then Enter</source>
        <translation>Ajouter une référence&#xa0;: tapez ou scannez sa référence ou son code-barres, puis Entrée</translation>
    </message>
    <message>
        <source>One label per unit &amp;on hand</source>
        <translation>Une étiquette par unité &amp;en stock</translation>
    </message>
    <message>
        <source>&amp;Save PDF…  (Ctrl+S)</source>
        <translation>Enregistrer en &amp;PDF…  (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Fermer  (Échap)</translation>
    </message>
    <message>
        <source>A4 sheets of 3 × 8 labels (70 × 37 mm): name, variant, price and barcode on each.</source>
        <translation>Planches A4 de 3 × 8 étiquettes (70 × 37 mm)&#xa0;: nom, déclinaison, prix et code-barres sur chacune.</translation>
    </message>
    <message>
        <source>S&amp;tart at place</source>
        <translation>&amp;Commencer à la position</translation>
    </message>
    <message>
        <source>Labels of {sku}</source>
        <translation>Étiquettes de {sku}</translation>
    </message>
    <message>
        <source>{labels} label(s) on {sheets} sheet(s)</source>
        <translation>{labels} étiquette(s) sur {sheets} planche(s)</translation>
    </message>
    <message>
        <source>Save the labels as PDF</source>
        <translation>Enregistrer les étiquettes en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the labels…</source>
        <translation>Préparation des étiquettes…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impression annulée.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <source>Could not write the PDF ({reason}). Choose another folder and save again.</source>
        <translation>Impossible d&apos;écrire le PDF ({reason}). Choisissez un autre dossier et enregistrez à nouveau.</translation>
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
    <name>MailPanel</name>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (généralement port 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS (généralement port 465)</translation>
    </message>
    <message>
        <source>None: only for a server on this network</source>
        <translation>Aucune&#xa0;: uniquement pour un serveur de ce réseau</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>ex.&#xa0;: smtp.exemple.fr</translation>
    </message>
    <message>
        <source>Remove the password kept here</source>
        <translation>Supprimer le mot de passe conservé ici</translation>
    </message>
    <message>
        <source>e.g. boutique@example.com</source>
        <translation>ex.&#xa0;: boutique@exemple.fr</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Adresse d&apos;expédition</translation>
    </message>
    <message>
        <source>Invoices and booking confirmations come from this address.</source>
        <translation>Les factures et les confirmations de réservation partent de cette adresse.</translation>
    </message>
    <message>
        <source>your own address</source>
        <translation>votre propre adresse</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Envoyer à</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Send a test email</source>
        <translation>Envoyer un e-mail de test</translation>
    </message>
    <message>
        <source>The mail server every counter sends invoices and confirmations through. The password stays on this computer, never in the shared database, and is never shown again.</source>
        <translation>Le serveur de messagerie par lequel chaque caisse envoie factures et confirmations. Le mot de passe reste sur cet ordinateur, jamais dans la base de données partagée, et n&apos;est plus jamais affiché.</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Essayer</translation>
    </message>
    <message>
        <source>The test goes through the saved settings: save them first.</source>
        <translation>Le test utilise les réglages enregistrés&#xa0;: enregistrez-les d&apos;abord.</translation>
    </message>
    <message>
        <source>A password is kept ({masked}): type a new one only to replace it.</source>
        <translation>Un mot de passe est conservé ({masked})&#xa0;: n&apos;en saisissez un nouveau que pour le remplacer.</translation>
    </message>
    <message>
        <source>No password is kept: type one if the server asks for it.</source>
        <translation>Aucun mot de passe n&apos;est conservé&#xa0;: saisissez-en un si le serveur le demande.</translation>
    </message>
    <message>
        <source>Saved: the shop sends email through {host}.</source>
        <translation>Enregistré&#xa0;: la boutique envoie ses e-mails par {host}.</translation>
    </message>
    <message>
        <source>A test message went to {address}: check that it arrived.</source>
        <translation>Un message de test a été envoyé à {address}&#xa0;: vérifiez qu&apos;il est bien arrivé.</translation>
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
    <name>MethodsChart</name>
    <message>
        <source>Takings by payment method</source>
        <translation>Encaissements par moyen de paiement</translation>
    </message>
    <message>
        <source>{method} · {share} %</source>
        <translation>{method} · {share}&#xa0;%</translation>
    </message>
    <message>
        <source>No takings in this period</source>
        <translation>Aucun encaissement sur cette période</translation>
    </message>
</context>
<context>
    <name>MovementDialog</name>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Count correction</source>
        <translation>Correction d&apos;inventaire</translation>
    </message>
    <message>
        <source>Loss (damaged, stolen, expired)</source>
        <translation>Perte (abîmé, volé, périmé)</translation>
    </message>
    <message>
        <source>Transfer to or from another shop</source>
        <translation>Transfert vers ou depuis une autre boutique</translation>
    </message>
    <message>
        <source>Stock count</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <source>Found in the back room</source>
        <translation>Retrouvé en réserve</translation>
    </message>
    <message>
        <source>Entry mistake</source>
        <translation>Erreur de saisie</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Abîmé</translation>
    </message>
    <message>
        <source>Stolen</source>
        <translation>Volé</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Périmé</translation>
    </message>
    <message>
        <source>Sent to another shop</source>
        <translation>Envoyé à une autre boutique</translation>
    </message>
    <message>
        <source>Received from another shop</source>
        <translation>Reçu d&apos;une autre boutique</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>Pourquoi&#x202f;? (obligatoire)</translation>
    </message>
    <message>
        <source>Delivery note, order number… (optional)</source>
        <translation>Bon de livraison, numéro de commande… (facultatif)</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
    <message>
        <source>Receive stock</source>
        <translation>Réceptionner du stock</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Ajuster le stock</translation>
    </message>
    <message>
        <source>Receive  (Enter)</source>
        <translation>Réceptionner  (Entrée)</translation>
    </message>
    <message>
        <source>Adjust  (Enter)</source>
        <translation>Ajuster  (Entrée)</translation>
    </message>
    <message>
        <source>On hand {on_hand} · reserved {reserved} · available {available}</source>
        <translation>En stock {on_hand} · réservé {reserved} · disponible {available}</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation>Ré&amp;férence</translation>
    </message>
    <message>
        <source>&amp;Units received</source>
        <translation>&amp;Unités reçues</translation>
    </message>
    <message>
        <source>&amp;Units lost</source>
        <translation>&amp;Unités perdues</translation>
    </message>
    <message>
        <source>&amp;Change (+ or −)</source>
        <translation>&amp;Variation (+ ou −)</translation>
    </message>
    <message>
        <source>On hand {before} → {after}</source>
        <translation>En stock {before} → {after}</translation>
    </message>
    <message>
        <source>Type how many units change: zero changes nothing.</source>
        <translation>Saisissez le nombre d&apos;unités qui changent&#xa0;: zéro ne change rien.</translation>
    </message>
    <message>
        <source>Say why in a few words: the history keeps it.</source>
        <translation>Indiquez le motif en quelques mots&#xa0;: l&apos;historique le conserve.</translation>
    </message>
</context>
<context>
    <name>MovementTableModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Déclinaison</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>When the stock moved, in this computer&apos;s time</source>
        <translation>Moment du mouvement, à l&apos;heure de cet ordinateur</translation>
    </message>
    <message>
        <source>Units in (+) or out (−) of the shop</source>
        <translation>Unités entrées (+) ou sorties (−) de la boutique</translation>
    </message>
    <message>
        <source>On hand before the movement</source>
        <translation>En stock avant le mouvement</translation>
    </message>
    <message>
        <source>On hand after the movement</source>
        <translation>En stock après le mouvement</translation>
    </message>
    <message>
        <source>Who moved the stock; empty for the online shop</source>
        <translation>Auteur du mouvement&#x202f;; vide pour la boutique en ligne</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Ajustement</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
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
    <name>NewSlotDialog</name>
    <message>
        <source>New slot</source>
        <translation>Nouveau créneau</translation>
    </message>
    <message>
        <source>Create the slot  (Enter)</source>
        <translation>Créer le créneau  (Entrée)</translation>
    </message>
    <message>
        <source>Dat&amp;e</source>
        <translation>D&amp;ate</translation>
    </message>
    <message>
        <source>&amp;Starts at</source>
        <translation>Heure de dé&amp;but</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>e.g. awa.diallo</source>
        <translation>ex.&#xa0;: awa.diallo</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>au moins {count} caractères</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Cashiers sell; stock managers keep the catalogue; accountants read the accounts.</source>
        <translation>Les caissiers vendent&#x202f;; les gestionnaires de stock tiennent le catalogue&#x202f;; les comptables consultent les comptes.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Confirmer le mot de passe</translation>
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
    <name>OnlineShopPanel</name>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Hold length</source>
        <translation>Durée de réservation</translation>
    </message>
    <message>
        <source>How long a checkout keeps its items aside while the customer pays. Holds already taken keep their time. POS_RESERVATION_MINUTES, where it is set for the online shop&apos;s server, wins over it.</source>
        <translation>Durée pendant laquelle une commande en ligne garde ses articles de côté, le temps que le client paie. Les réservations déjà prises gardent leur durée. POS_RESERVATION_MINUTES, s&apos;il est défini pour le serveur de la boutique en ligne, l&apos;emporte sur ce réglage.</translation>
    </message>
    <message>
        <source>Save the hold length</source>
        <translation>Enregistrer la durée de réservation</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Clé secrète</translation>
    </message>
    <message>
        <source>Webhook signing secret</source>
        <translation>Secret de signature du webhook</translation>
    </message>
    <message>
        <source>Replace the keys</source>
        <translation>Remplacer les clés</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Stripe keys</source>
        <translation>Clés Stripe</translation>
    </message>
    <message>
        <source>From the Stripe dashboard: the secret key (sk_…) and the signing secret of the webhook (whsec_…). They stay on this computer, never in the shared database, and are never shown in full. Leave a field empty to keep its key; the payment server reads them when it starts.</source>
        <translation>Depuis le tableau de bord Stripe&#xa0;: la clé secrète (sk_…) et le secret de signature du webhook (whsec_…). Elles restent sur cet ordinateur, jamais dans la base de données partagée, et ne sont jamais affichées en entier. Laissez un champ vide pour garder sa clé&#x202f;; le serveur de paiement les lit à son démarrage.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non définie</translation>
    </message>
    <message>
        <source>This computer&apos;s environment gives the keys (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET): they are used instead of the ones kept here.</source>
        <translation>L&apos;environnement de cet ordinateur fournit les clés (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET)&#xa0;: elles sont utilisées à la place de celles conservées ici.</translation>
    </message>
    <message>
        <source>Online payments have both keys.</source>
        <translation>Les paiements en ligne ont leurs deux clés.</translation>
    </message>
    <message>
        <source>Online payments need both keys before customers can pay.</source>
        <translation>Les paiements en ligne ont besoin des deux clés pour que les clients puissent payer.</translation>
    </message>
    <message>
        <source>Saved: the next checkouts hold their items for {minutes} minutes.</source>
        <translation>Enregistré&#xa0;: les prochaines commandes réservent leurs articles pendant {minutes} minutes.</translation>
    </message>
    <message>
        <source>Paste a new key to replace the one kept.</source>
        <translation>Collez une nouvelle clé pour remplacer celle conservée.</translation>
    </message>
    <message>
        <source>The keys are replaced: restart the payment server so that it uses them.</source>
        <translation>Les clés sont remplacées&#xa0;: redémarrez le serveur de paiement pour qu&apos;il les utilise.</translation>
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
    <name>OrderInvoiceDialog</name>
    <message>
        <source>Invoice an online order</source>
        <translation>Facturer une commande en ligne</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Payée le</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Find an order by its number or e-mail</source>
        <translation>Trouver une commande par son numéro ou son e-mail</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Street
Postcode and town</source>
        <translation>Rue
Code postal et ville</translation>
    </message>
    <message>
        <source>For a business customer</source>
        <translation>Pour un client professionnel</translation>
    </message>
    <message>
        <source>Issue the invoice  (Ctrl+Enter)</source>
        <translation>Émettre la facture  (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
    <message>
        <source>Paid orders without an invoice</source>
        <translation>Commandes payées sans facture</translation>
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
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;VAT number</source>
        <translation>Numéro de T&amp;VA</translation>
    </message>
    <message>
        <source>Who is the invoice for?</source>
        <translation>À qui est destinée la facture&#x202f;?</translation>
    </message>
    <message>
        <source>Only the last {count} paid orders are listed: find an older one by its number.</source>
        <translation>Seules les {count} dernières commandes payées sont listées&#xa0;: trouvez-en une plus ancienne par son numéro.</translation>
    </message>
    <message>
        <source>No paid order without an invoice matches &apos;{search}&apos;.</source>
        <translation>Aucune commande payée sans facture ne correspond à «&#xa0;{search}&#xa0;».</translation>
    </message>
    <message>
        <source>No paid online order is waiting for an invoice.</source>
        <translation>Aucune commande en ligne payée n&apos;attend de facture.</translation>
    </message>
    <message>
        <source>Could not read the online orders. {reason}</source>
        <translation>Impossible de lire les commandes en ligne. {reason}</translation>
    </message>
    <message>
        <source>An invoice needs the customer&apos;s name.</source>
        <translation>Une facture doit porter le nom du client.</translation>
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
    <message>
        <source>invoice {number}</source>
        <translation>facture {number}</translation>
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
    <message>
        <source>Admin</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Sales reports</source>
        <translation>Rapports de ventes</translation>
    </message>
    <message>
        <source>Z reports</source>
        <translation>Rapports Z</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
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
        <source>Email invoice (E)</source>
        <translation>Facture par e-mail (E)</translation>
    </message>
    <message>
        <source>Send the invoice as a PDF to the customer&apos;s email address</source>
        <translation>Envoyer la facture en PDF à l&apos;adresse e-mail du client</translation>
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
    <message>
        <source>Preparing the email…</source>
        <translation>Préparation de l&apos;e-mail…</translation>
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
    <name>PeriodFields</name>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>La semaine dernière</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>L&apos;année dernière</translation>
    </message>
    <message>
        <source>Days of my choice</source>
        <translation>Dates au choix</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>L&apos;année dernière</translation>
    </message>
    <message>
        <source>Between two dates</source>
        <translation>Entre deux dates</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
</context>
<context>
    <name>PrinterPanel</name>
    <message>
        <source>Network (Ethernet or Wi-Fi)</source>
        <translation>Réseau (Ethernet ou Wi-Fi)</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Port série</translation>
    </message>
    <message>
        <source>Device or file</source>
        <translation>Périphérique ou fichier</translation>
    </message>
    <message>
        <source>The printer&apos;s IP address or name, and its port if not 9100: 192.168.1.50:9100.</source>
        <translation>L&apos;adresse IP ou le nom de l&apos;imprimante, et son port s&apos;il diffère de 9100&#xa0;: 192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>The vendor and product numbers in hex, from the printer&apos;s label or manual: 04b8:0202.</source>
        <translation>Les identifiants fabricant et produit en hexadécimal, lus sur l&apos;étiquette ou le manuel de l&apos;imprimante&#xa0;: 04b8:0202.</translation>
    </message>
    <message>
        <source>The port, and its speed if not 9600: /dev/ttyUSB0:19200 or COM3.</source>
        <translation>Le port, et sa vitesse si elle diffère de 9600&#xa0;: /dev/ttyUSB0:19200 ou COM3.</translation>
    </message>
    <message>
        <source>The printer&apos;s device (/dev/usb/lp0), or a file that receives what is printed.</source>
        <translation>Le périphérique de l&apos;imprimante (/dev/usb/lp0), ou un fichier qui reçoit ce qui est imprimé.</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} caractères</translation>
    </message>
    <message>
        <source>A cash drawer is plugged into the printer</source>
        <translation>Un tiroir-caisse est branché sur l&apos;imprimante</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>Largeur de ligne</translation>
    </message>
    <message>
        <source>Most 80 mm printers print 48 characters a line; some print 42.</source>
        <translation>La plupart des imprimantes 80 mm impriment 48 caractères par ligne&#x202f;; certaines 42.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save and print a test page</source>
        <translation>Enregistrer et imprimer une page de test</translation>
    </message>
    <message>
        <source>The ESC/POS receipt printer of this shop&apos;s counters. The test page shows the line width, accents and a QR code: check that nothing is cut.</source>
        <translation>L&apos;imprimante de tickets ESC/POS des caisses de cette boutique. La page de test montre la largeur de ligne, les accents et un QR code&#xa0;: vérifiez que rien n&apos;est coupé.</translation>
    </message>
    <message>
        <source>No receipt printer is set up yet: receipts can still be saved as PDF.</source>
        <translation>Aucune imprimante de tickets n&apos;est encore configurée&#xa0;: les tickets peuvent toujours être enregistrés en PDF.</translation>
    </message>
    <message>
        <source>Receipts print on the {printer}.</source>
        <translation>Les tickets s&apos;impriment sur&#xa0;: {printer}.</translation>
    </message>
    <message>
        <source>Saved: the counters print their next receipts there.</source>
        <translation>Enregistré&#xa0;: les caisses y impriment leurs prochains tickets.</translation>
    </message>
    <message>
        <source>Saved, and the test page was sent: check that it printed in full.</source>
        <translation>Enregistré, et la page de test a été envoyée&#xa0;: vérifiez qu&apos;elle s&apos;est imprimée en entier.</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>New product</source>
        <translation>Nouveau produit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>On sale at the counter and online</source>
        <translation>En vente en boutique et en ligne</translation>
    </message>
    <message>
        <source>Add a &amp;variant  (Ctrl+Shift+N)</source>
        <translation>Ajouter une &amp;déclinaison  (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Remove new variant</source>
        <translation>Retirer la nouvelle déclinaison</translation>
    </message>
    <message>
        <source>&amp;Save  (Ctrl+S)</source>
        <translation>&amp;Enregistrer  (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>N&amp;om</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Catégorie</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation>&amp;Marque</translation>
    </message>
    <message>
        <source>&amp;VAT rate</source>
        <translation>Taux de &amp;TVA</translation>
    </message>
    <message>
        <source>P&amp;romo price</source>
        <translation>Prix p&amp;romo</translation>
    </message>
    <message>
        <source>&amp;Price (VAT incl.)</source>
        <translation>&amp;Prix (TTC)</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Déclinaisons</translation>
    </message>
    <message>
        <source>Double-click a cell or start typing to change it. Alert at: the low-stock alert level.</source>
        <translation>Double-cliquez sur une cellule ou commencez à taper pour la modifier. Alerte à&#xa0;: le seuil d&apos;alerte de stock bas.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Variant {number}: {message}</source>
        <translation>Déclinaison {number}&#xa0;: {message}</translation>
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
    <name>ProductsModel</name>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Décl.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dès</translation>
    </message>
    <message>
        <source>The lowest price of its variants</source>
        <translation>Le prix le plus bas de ses déclinaisons</translation>
    </message>
    <message>
        <source>Not on sale</source>
        <translation>Hors vente</translation>
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
    <name>RegistersModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
</context>
<context>
    <name>RegistersPanel</name>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>e.g. R2</source>
        <translation>ex.&#xa0;: R2</translation>
    </message>
    <message>
        <source>e.g. Counter by the door</source>
        <translation>ex.&#xa0;: Caisse près de l&apos;entrée</translation>
    </message>
    <message>
        <source>Add the register</source>
        <translation>Ajouter la caisse</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Printed on its receipts and sale numbers; it cannot change later.</source>
        <translation>Imprimé sur ses tickets et dans ses numéros de vente&#x202f;; il ne pourra plus changer.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>A deactivated register opens no till; its past sales, closings and journal stay. Close its till before deactivating it.</source>
        <translation>Une caisse désactivée ne peut plus être ouverte&#x202f;; ses ventes passées, ses clôtures et son journal sont conservés. Fermez-la avant de la désactiver.</translation>
    </message>
    <message>
        <source>Add a register</source>
        <translation>Ajouter une caisse</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Its till is open: close it first.</source>
        <translation>Cette caisse est ouverte&#xa0;: fermez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Register {code} is added: a cashier can open its till.</source>
        <translation>La caisse {code} est ajoutée&#xa0;: un caissier peut l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Register {code} is deactivated: no till opens on it any more.</source>
        <translation>La caisse {code} est désactivée&#xa0;: elle ne peut plus être ouverte.</translation>
    </message>
    <message>
        <source>Register {code} is active again.</source>
        <translation>La caisse {code} est de nouveau active.</translation>
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
    <name>ReportsPage</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>All registers</source>
        <translation>Toutes les caisses</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>Pa&amp;r</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Takings</source>
        <translation>Encaissements</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>{count} row(s) · {first} to {last}</source>
        <translation>{count} ligne(s) · du {first} au {last}</translation>
    </message>
    <message>
        <source>{count} · {amount}</source>
        <translation>{count} · {amount}</translation>
    </message>
    <message>
        <source>The report could not be made. {reason}</source>
        <translation>Le rapport n&apos;a pas pu être établi. {reason}</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Exporter le rapport en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report is saved to {path}.</source>
        <translation>Le rapport est enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Could not write the file ({reason}). Choose another folder and export again.</source>
        <translation>Impossible d&apos;écrire le fichier ({reason}). Choisissez un autre dossier et exportez à nouveau.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>at least {count} characters</source>
        <translation>au moins {count} caractères</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Confirmer le mot de passe</translation>
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
        <source>Sending the invoice to {address}…</source>
        <translation>Envoi de la facture à {address}…</translation>
    </message>
    <message>
        <source>Invoice {number} sent to {address}.</source>
        <translation>Facture {number} envoyée à {address}.</translation>
    </message>
    <message>
        <source>Invoice {number} was not sent: {reason}</source>
        <translation>La facture {number} n&apos;a pas été envoyée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Email is not set up: an admin sets it in Settings.</source>
        <translation>L&apos;e-mail n&apos;est pas configuré&#xa0;: un administrateur le règle dans l&apos;administration.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Choose another folder.</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}. Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>SalesChart</name>
    <message>
        <source>Sales per period</source>
        <translation>Ventes par période</translation>
    </message>
    <message>
        <source>Sales per day</source>
        <translation>Ventes par jour</translation>
    </message>
    <message>
        <source>Sales per week</source>
        <translation>Ventes par semaine</translation>
    </message>
    <message>
        <source>Sales per month</source>
        <translation>Ventes par mois</translation>
    </message>
    <message>
        <source>Sales incl. VAT</source>
        <translation>Ventes TTC</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
</context>
<context>
    <name>SalesReportTable</name>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Number of sales</source>
        <translation>Nombre de ventes</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Sales including VAT, after discounts</source>
        <translation>Ventes TTC, après remises</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>Sales excluding VAT</source>
        <translation>Ventes HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>VAT collected on the sales</source>
        <translation>TVA collectée sur les ventes</translation>
    </message>
    <message>
        <source>Base {rate}</source>
        <translation>Base {rate}</translation>
    </message>
    <message>
        <source>Sales excluding VAT at {rate}</source>
        <translation>Ventes HT au taux de {rate}</translation>
    </message>
    <message>
        <source>VAT {rate}</source>
        <translation>TVA {rate}</translation>
    </message>
    <message>
        <source>VAT at {rate} collected on the sales</source>
        <translation>TVA à {rate} collectée sur les ventes</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Remises</translation>
    </message>
    <message>
        <source>Discounts given on the sales</source>
        <translation>Remises accordées sur les ventes</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Number of refunds</source>
        <translation>Nombre de remboursements</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Refunded, VAT included</source>
        <translation>Montant remboursé, TVA comprise</translation>
    </message>
    <message>
        <source>Refunded VAT</source>
        <translation>TVA remboursée</translation>
    </message>
    <message>
        <source>VAT given back with the refunds</source>
        <translation>TVA rendue avec les remboursements</translation>
    </message>
    <message>
        <source>Takings</source>
        <translation>Encaissements</translation>
    </message>
    <message>
        <source>Sales less refunds</source>
        <translation>Ventes moins remboursements</translation>
    </message>
    <message>
        <source>Taken by {method}, change and refunds deducted</source>
        <translation>Encaissé en {method}, rendu monnaie et remboursements déduits</translation>
    </message>
    <message>
        <source>Week {number} · {days}</source>
        <translation>Semaine {number} · {days}</translation>
    </message>
    <message>
        <source>W{number}</source>
        <translation>S{number}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
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
    <name>ShopPanel</name>
    <message>
        <source>e.g. FR40303265045</source>
        <translation>ex.&#xa0;: FR40303265045</translation>
    </message>
    <message>
        <source>SIRET, RCCM, NINEA…</source>
        <translation>SIRET, RCCM, NINEA…</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Nom de la boutique</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>Numéro de TVA</translation>
    </message>
    <message>
        <source>Invoices need it, with the shop&apos;s name.</source>
        <translation>Obligatoire sur les factures, avec le nom de la boutique.</translation>
    </message>
    <message>
        <source>Company number</source>
        <translation>N° d&apos;immatriculation</translation>
    </message>
    <message>
        <source>Legal mentions</source>
        <translation>Mentions légales</translation>
    </message>
    <message>
        <source>Printed at the foot of invoices: legal form, capital, registry, late-payment terms.</source>
        <translation>Imprimées en pied de facture&#xa0;: forme juridique, capital, registre, pénalités de retard.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Prices are not converted: change it before the first sale.</source>
        <translation>Les prix ne sont pas convertis&#xa0;: changez-la avant la première vente.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Choose a logo…</source>
        <translation>Choisir un logo…</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Retirer le logo</translation>
    </message>
    <message>
        <source>What receipts and invoices print about the shop.</source>
        <translation>Ce que les tickets et les factures impriment sur la boutique.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>A PNG or JPEG image of at most 512 KB, printed at the top of invoices.</source>
        <translation>Une image PNG ou JPEG de 512 Ko au plus, imprimée en haut des factures.</translation>
    </message>
    <message>
        <source>Saved: the next receipts and invoices print it.</source>
        <translation>Enregistré&#xa0;: les prochains tickets et factures l&apos;impriment.</translation>
    </message>
    <message>
        <source>Choose the shop&apos;s logo</source>
        <translation>Choisissez le logo de la boutique</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The logo is saved: the next invoices print it.</source>
        <translation>Le logo est enregistré&#xa0;: les prochaines factures l&apos;impriment.</translation>
    </message>
    <message>
        <source>The logo is removed.</source>
        <translation>Le logo est retiré.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
</context>
<context>
    <name>SlotDialog</name>
    <message>
        <source>Fitting, repair, sewing workshop…</source>
        <translation>Essayage, réparation, atelier couture…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>1 for an appointment, more for a workshop</source>
        <translation>1 pour un rendez-vous, davantage pour un atelier</translation>
    </message>
    <message>
        <source>VAT included, such as 35.00</source>
        <translation>TTC, par exemple 35.00</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Durée</translation>
    </message>
    <message>
        <source>Se&amp;ats</source>
        <translation>&amp;Places</translation>
    </message>
    <message>
        <source>&amp;Price ({currency})</source>
        <translation>P&amp;rix ({currency})</translation>
    </message>
    <message>
        <source>&amp;VAT rate</source>
        <translation>Taux de T&amp;VA</translation>
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
        <source>&amp;Receive…  (Ctrl+R)</source>
        <translation>&amp;Réceptionner…  (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Adjust…  (Ctrl+J)</source>
        <translation>&amp;Ajuster…  (Ctrl+J)</translation>
    </message>
    <message>
        <source>&amp;History  (Ctrl+H)</source>
        <translation>&amp;Historique  (Ctrl+H)</translation>
    </message>
    <message>
        <source>La&amp;bels…  (Ctrl+P)</source>
        <translation>É&amp;tiquettes…  (Ctrl+P)</translation>
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
    <name>TaxesPanel</name>
    <message>
        <source>Type a rate in percent, such as 20 or 5.5.</source>
        <translation>Saisissez un taux en pourcentage, par exemple 20 ou 5.5.</translation>
    </message>
    <message>
        <source>Remove the rate</source>
        <translation>Supprimer le taux</translation>
    </message>
    <message>
        <source>e.g. 18</source>
        <translation>ex.&#xa0;: 18</translation>
    </message>
    <message>
        <source>e.g. Standard rate</source>
        <translation>ex.&#xa0;: Taux normal</translation>
    </message>
    <message>
        <source>Add or relabel</source>
        <translation>Ajouter ou renommer</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>Taux (%)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Products are sold at one of these rates; prices include VAT. A rate can be removed once no product uses it: past sales keep the rate they were sold at.</source>
        <translation>Les produits sont vendus à l&apos;un de ces taux&#x202f;; les prix sont TTC. Un taux peut être supprimé dès qu&apos;aucun produit ne l&apos;utilise&#xa0;: les ventes passées gardent le taux auquel elles ont été faites.</translation>
    </message>
    <message>
        <source>Add a rate, or change a rate&apos;s label</source>
        <translation>Ajouter un taux, ou changer le libellé d&apos;un taux</translation>
    </message>
    <message>
        <source>Products use this rate: move them to another one first.</source>
        <translation>Des produits utilisent ce taux&#xa0;: passez-les d&apos;abord à un autre.</translation>
    </message>
    <message>
        <source>The rate {rate} is saved.</source>
        <translation>Le taux {rate} est enregistré.</translation>
    </message>
    <message>
        <source>The rate {rate} is removed.</source>
        <translation>Le taux {rate} est supprimé.</translation>
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
    <name>UserDialogs</name>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;: saisissez deux fois le même.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>Give the person their username and this first password; they can then set a PIN to switch cashier at the counter.</source>
        <translation>Donnez à la personne son nom d&apos;utilisateur et ce premier mot de passe&#x202f;; elle pourra ensuite définir un PIN pour changer de caissier en caisse.</translation>
    </message>
    <message>
        <source>Create the user  (Enter)</source>
        <translation>Créer l&apos;utilisateur  (Entrée)</translation>
    </message>
    <message>
        <source>New password for {user}</source>
        <translation>Nouveau mot de passe pour {user}</translation>
    </message>
    <message>
        <source>Their old password stops working at once. Give them the new one in person.</source>
        <translation>L&apos;ancien mot de passe cesse aussitôt de fonctionner. Remettez le nouveau en main propre.</translation>
    </message>
    <message>
        <source>Set the password  (Enter)</source>
        <translation>Définir le mot de passe  (Entrée)</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>A PIN lets the user take over the counter quickly</source>
        <translation>Un PIN permet de prendre rapidement la relève en caisse</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Défini</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>New user…</source>
        <translation>Nouvel utilisateur…</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>Nouveau mot de passe…</translation>
    </message>
    <message>
        <source>Clear PIN</source>
        <translation>Effacer le PIN</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>A deactivated user can no longer log in; their sales stay in the journal under their name. Users are never deleted.</source>
        <translation>Un utilisateur désactivé ne peut plus se connecter&#x202f;; ses ventes restent au journal sous son nom. Les utilisateurs ne sont jamais supprimés.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account; ask another admin.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte&#x202f;; demandez à un autre administrateur.</translation>
    </message>
    <message>
        <source>{user} can now log in as {role}.</source>
        <translation>{user} peut maintenant se connecter en tant que {role}.</translation>
    </message>
    <message>
        <source>{user} has a new password.</source>
        <translation>{user} a un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>{user}&apos;s PIN is cleared: they log in with their password.</source>
        <translation>Le PIN de {user} est effacé&#xa0;: connexion avec le mot de passe.</translation>
    </message>
    <message>
        <source>{user} is deactivated and can no longer log in.</source>
        <translation>{user} est désactivé et ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>{user} is active again and can log in.</source>
        <translation>{user} est de nouveau actif et peut se connecter.</translation>
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
<context>
    <name>VariantsTable</name>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
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
        <source>Own price</source>
        <translation>Prix propre</translation>
    </message>
    <message>
        <source>Alert at</source>
        <translation>Alerte à</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>En vente</translation>
    </message>
    <message>
        <source>The code of the variant; it cannot change once saved</source>
        <translation>La référence de la déclinaison&#x202f;; elle ne peut plus changer une fois enregistrée</translation>
    </message>
    <message>
        <source>EAN-13 or any code printed on the item (optional)</source>
        <translation>EAN-13 ou tout code imprimé sur l&apos;article (facultatif)</translation>
    </message>
    <message>
        <source>A price of its own for this variant, instead of the product&apos;s (optional)</source>
        <translation>Un prix propre à cette déclinaison, à la place de celui du produit (facultatif)</translation>
    </message>
    <message>
        <source>Low-stock alert when the units available fall to this number or below</source>
        <translation>Alerte de stock bas quand les unités disponibles tombent à ce nombre ou en dessous</translation>
    </message>
    <message>
        <source>Sold at the counter and online</source>
        <translation>Vendue en boutique et en ligne</translation>
    </message>
</context>
<context>
    <name>VatRatesModel</name>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
</context>
<context>
    <name>WeeklySlotsDialog</name>
    <message>
        <source>Mondays</source>
        <translation>Lundis</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>Mardis</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>Mercredis</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>Jeudis</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>Vendredis</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>Samedis</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>Dimanches</translation>
    </message>
    <message>
        <source>Slots every week</source>
        <translation>Créneaux hebdomadaires</translation>
    </message>
    <message>
        <source>At most {days} days after the first</source>
        <translation>Au plus {days} jours après le premier</translation>
    </message>
    <message>
        <source>Create the slots  (Enter)</source>
        <translation>Créer les créneaux  (Entrée)</translation>
    </message>
    <message>
        <source>Ever&amp;y</source>
        <translation>Tous &amp;les</translation>
    </message>
    <message>
        <source>&amp;Starts at</source>
        <translation>Heure de dé&amp;but</translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation>&amp;Jusqu&apos;au</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>D&amp;u</translation>
    </message>
</context>
<context>
    <name>ZReportsPage</name>
    <message>
        <source>All registers</source>
        <translation>Toutes les caisses</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>Ouvrir le rapport</translation>
    </message>
    <message>
        <source>Show older sessions</source>
        <translation>Afficher les sessions plus anciennes</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <source>Every till session of the shop, newest first. Open one to read its Z report or save it as a PDF.</source>
        <translation>Toutes les sessions de caisse de la boutique, les plus récentes en premier. Ouvrez-en une pour lire son rapport Z ou l&apos;enregistrer en PDF.</translation>
    </message>
    <message>
        <source>No till session yet.</source>
        <translation>Aucune session de caisse pour le moment.</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 session</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} sessions</translation>
    </message>
    <message>
        <source>Could not read the till sessions. {reason}</source>
        <translation>Impossible de lire les sessions de caisse. {reason}</translation>
    </message>
    <message>
        <source>Could not open the report. {reason}</source>
        <translation>Impossible d&apos;ouvrir le rapport. {reason}</translation>
    </message>
</context>
<context>
    <name>ZSessionsTableModel</name>
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
        <source>Opened by</source>
        <translation>Ouverte par</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermeture</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Fermée par</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Sales total</source>
        <translation>Total ventes</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remb.</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Counted less expected cash: below zero, the drawer was short</source>
        <translation>Espèces comptées moins espèces attendues&#xa0;: en dessous de zéro, il manquait de l&apos;argent dans le tiroir</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Encore ouverte</translation>
    </message>
</context>
</TS>
