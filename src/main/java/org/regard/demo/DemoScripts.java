package org.regard.demo;

import org.regard.demo.DemoCast.Topic;

import java.util.List;

/**
 * The conversations of the demo, in the customer's language: what the customer asks, the question the
 * agent asks back, the customer's answer, the solution, a relapse that reopens a solved ticket, an
 * internal note and a logged call. {@code {ref}} stands for an invoice, order or serial number.
 */
final class DemoScripts {
    private DemoScripts() {
    }

    record Script(String language, Topic topic, String subject, String request, String question, String answer,
                  String solution, String relapse, String note, String call) {

        Script withReference(String ref) {
            return new Script(language, topic, subject.replace("{ref}", ref), request.replace("{ref}", ref),
                    question.replace("{ref}", ref), answer.replace("{ref}", ref), solution.replace("{ref}", ref),
                    relapse.replace("{ref}", ref), note.replace("{ref}", ref), call.replace("{ref}", ref));
        }
    }

    static List<Script> inLanguage(String language) {
        return ALL.stream().filter(s -> s.language().equals(language)).toList();
    }

    static final List<Script> ALL = List.of(
            // French
            new Script("fr", Topic.INVOICES, "Facture {ref} prélevée deux fois",
                    "Bonjour,\nJe viens de remarquer que la facture {ref} a été prélevée deux fois sur mon compte ce mois-ci. "
                            + "Pouvez-vous vérifier et me rembourser le doublon ?\nMerci d'avance.",
                    "Bonjour,\nMerci de nous avoir prévenus. Pourriez-vous nous indiquer les dates des deux prélèvements telles "
                            + "qu'elles apparaissent sur votre relevé ? Nous retrouverons ainsi l'opération en double.",
                    "Les deux prélèvements datent du 3 et du 4 du mois, chacun du même montant. Je joins une capture de mon relevé.",
                    "Merci pour ces précisions. Le second prélèvement était bien une erreur de notre part : le remboursement est "
                            + "parti aujourd'hui et apparaîtra sous trois à cinq jours ouvrés. Toutes nos excuses pour ce désagrément.",
                    "Bonjour, une semaine plus tard je ne vois toujours pas le remboursement sur mon compte. Pouvez-vous vérifier ?",
                    "Doublon confirmé chez le prestataire de paiement, remboursement lancé à la main.",
                    "Appel pour confirmer le montant du remboursement ; virement préféré à un avoir."),
            new Script("fr", Topic.SIGN_IN, "Impossible de me connecter à mon espace client",
                    "Depuis ce matin, mon mot de passe est refusé alors que je ne l'ai pas changé. J'ai essayé la "
                            + "réinitialisation mais je ne reçois aucun e-mail.",
                    "Bonjour,\nNous sommes désolés pour ce blocage. Pouvez-vous nous confirmer l'adresse e-mail de votre compte "
                            + "et regarder dans votre dossier de courrier indésirable ?",
                    "C'est bien cette adresse-ci. Rien dans les indésirables non plus.",
                    "Votre compte avait été verrouillé après plusieurs tentatives échouées. Nous l'avons débloqué et vous avons "
                            + "renvoyé le lien de réinitialisation : il reste valable une heure.",
                    "Le lien a fonctionné hier, mais aujourd'hui le compte est de nouveau bloqué.",
                    "Verrouillage déclenché par une ancienne application mobile qui réessaie l'ancien mot de passe.",
                    "Appel pour guider la réinitialisation pas à pas ; connexion réussie pendant l'appel."),
            new Script("fr", Topic.DELIVERY, "Commande {ref} toujours pas livrée",
                    "Bonjour, j'ai passé la commande {ref} il y a dix jours et le suivi n'a pas bougé depuis. "
                            + "Pouvez-vous me dire où elle en est ?",
                    "Bonjour,\nNous avons interrogé le transporteur. Pouvez-vous nous confirmer l'adresse de livraison complète, "
                            + "avec le code d'accès de l'immeuble s'il y en a un ?",
                    "L'adresse est correcte ; il y a un digicode, 4821B. Le livreur n'a laissé aucun avis de passage.",
                    "Le colis était bloqué au dépôt faute de code d'accès. Il a été remis en livraison et arrivera demain avant 13 h.",
                    "Le colis est arrivé, mais il manque l'un des deux articles commandés.",
                    "Transporteur relancé, incident ouvert chez eux avec la référence de la commande.",
                    "Appel du transporteur transmis : livraison replanifiée, créneau confirmé."),
            new Script("fr", Topic.HARDWARE, "Le terminal de paiement redémarre sans arrêt",
                    "Notre terminal de paiement redémarre toutes les cinq minutes depuis la mise à jour d'hier soir. "
                            + "Nous ne pouvons plus encaisser par carte.",
                    "Bonjour,\nPouvez-vous nous indiquer le numéro de série inscrit sous l'appareil et la version affichée au démarrage ?",
                    "Numéro de série {ref}, version 4.2.1 affichée au démarrage.",
                    "La version 4.2.1 contient un défaut connu sur ce modèle. Nous avons installé le correctif 4.2.2 à distance : "
                            + "après un dernier redémarrage, le terminal devrait rester stable.",
                    "Ça a tenu deux jours, puis les redémarrages ont repris ce matin.",
                    "Plusieurs terminaux de ce lot sont touchés par la 4.2.1 ; à suivre avec l'équipe technique.",
                    "Appel pendant le redémarrage à distance ; paiement test par carte validé."),
            new Script("fr", Topic.HOW_TO, "Comment ajouter une collègue à notre compte ?",
                    "Bonjour, une nouvelle collègue doit pouvoir consulter nos factures. Comment lui donner accès sans partager "
                            + "mon mot de passe ?",
                    "Bonjour,\nBien sûr. Doit-elle seulement consulter les factures, ou aussi passer des commandes ?",
                    "Seulement consulter les factures, pas de commandes.",
                    "Dans « Mon compte », ouvrez « Utilisateurs », puis « Inviter ». Choisissez le rôle « Lecture des factures » : "
                            + "elle recevra une invitation par e-mail et choisira son propre mot de passe.",
                    "L'invitation a expiré avant qu'elle ne la voie. Pouvez-vous la renvoyer ?",
                    "Deuxième demande de ce genre cette semaine : l'aide en ligne mériterait une capture d'écran.",
                    "Appel pour envoyer l'invitation ensemble ; la collègue a bien reçu l'e-mail."),
            new Script("fr", Topic.INVOICES, "Changement de formule : la facture {ref} est au mauvais tarif",
                    "J'ai changé de formule le mois dernier, mais ma facture {ref} est toujours calculée sur l'ancien tarif.",
                    "Bonjour,\nMerci de votre message. À quelle date avez-vous demandé le changement de formule ?",
                    "Le 12 du mois dernier, par le formulaire en ligne.",
                    "Le changement n'avait été appliqué qu'au cycle suivant. Nous avons émis un avoir pour la différence ; "
                            + "il est visible dans votre espace client.",
                    "Je vois bien l'avoir, mais il n'a pas été déduit de la facture suivante.",
                    "Le formulaire de changement de formule ignore la date d'effet : cas déjà rencontré.",
                    "Appel pour expliquer le calcul de l'avoir ; explication bien reçue."),

            // German
            new Script("de", Topic.INVOICES, "Rechnung {ref} doppelt abgebucht",
                    "Guten Tag,\nauf meinem Kontoauszug ist die Rechnung {ref} zweimal abgebucht. Bitte prüfen Sie das und "
                            + "erstatten Sie den doppelten Betrag.\nViele Grüße",
                    "Guten Tag,\nvielen Dank für den Hinweis. Können Sie uns die Buchungsdaten der beiden Abbuchungen nennen, "
                            + "so wie sie auf Ihrem Kontoauszug stehen?",
                    "Die Abbuchungen sind vom 3. und 4. des Monats, jeweils über denselben Betrag.",
                    "Danke für die Angaben. Die zweite Abbuchung war unser Fehler; die Erstattung ist heute veranlasst und sollte "
                            + "in drei bis fünf Werktagen auf Ihrem Konto sein. Entschuldigen Sie bitte die Umstände.",
                    "Eine Woche später ist die Erstattung immer noch nicht angekommen. Können Sie bitte nachsehen?",
                    "Doppelbuchung beim Zahlungsdienstleister bestätigt, Erstattung von Hand angestoßen.",
                    "Rückruf: Erstattungsbetrag bestätigt, Überweisung statt Gutschrift gewünscht."),
            new Script("de", Topic.SIGN_IN, "Passwort wird nicht mehr akzeptiert",
                    "Seit heute Morgen kann ich mich nicht mehr anmelden, obwohl ich das Passwort nicht geändert habe. "
                            + "Die E-Mail zum Zurücksetzen kommt nicht an.",
                    "Guten Tag,\ndas tut uns leid. Bitte bestätigen Sie uns die E-Mail-Adresse Ihres Kontos und schauen Sie "
                            + "kurz in Ihren Spam-Ordner.",
                    "Es ist genau diese Adresse. Im Spam-Ordner ist auch nichts.",
                    "Ihr Konto war nach mehreren Fehlversuchen gesperrt. Wir haben es entsperrt und Ihnen den Link zum "
                            + "Zurücksetzen erneut geschickt; er ist eine Stunde gültig.",
                    "Gestern hat es funktioniert, heute ist das Konto schon wieder gesperrt.",
                    "Die Sperre kommt von einer alten App-Installation, die es weiter mit dem alten Passwort versucht.",
                    "Telefonisch durch das Zurücksetzen geführt; Anmeldung noch während des Gesprächs erfolgreich."),
            new Script("de", Topic.DELIVERY, "Lieferung {ref} beschädigt angekommen",
                    "Das Paket zur Bestellung {ref} kam heute mit eingedrückter Ecke an, das Gerät darin hat einen Riss im Gehäuse.",
                    "Guten Tag,\ndas ist ärgerlich, entschuldigen Sie bitte. Könnten Sie uns zwei Fotos schicken: eines vom "
                            + "Karton und eines vom Schaden am Gerät?",
                    "Die Fotos hängen an. Der Karton war schon von außen sichtbar beschädigt.",
                    "Danke für die Fotos. Ein Ersatzgerät ist heute verschickt worden; das beschädigte Gerät nimmt der "
                            + "Paketdienst bei der Zustellung gleich wieder mit.",
                    "Das Ersatzgerät ist da, aber das alte hat niemand abgeholt.",
                    "Schaden beim Versanddienstleister gemeldet, Ersatz vorab ohne Rücksendung freigegeben.",
                    "Anruf zur Abstimmung des Abholtermins; Dienstagvormittag passt."),
            new Script("de", Topic.HARDWARE, "Etikettendrucker meldet ständig Papierstau",
                    "Unser Etikettendrucker meldet seit Montag bei jedem zweiten Auftrag einen Papierstau, obwohl nichts klemmt.",
                    "Guten Tag,\nwelche Firmware-Version zeigt der Drucker im Menü unter „Info“ an, und welche Etikettenrolle "
                            + "ist eingelegt?",
                    "Firmware 2.8, eingelegt sind die 57-mm-Rollen aus der letzten Lieferung.",
                    "Die Rollen aus dieser Lieferung haben einen etwas dickeren Kern. Bitte stellen Sie im Menü „Medien“ die "
                            + "Kerngröße auf 40 mm; danach sollte die Meldung verschwinden. Neue Rollen sind unterwegs.",
                    "Nach der Umstellung lief es drei Tage, jetzt kommt die Meldung wieder.",
                    "Vielleicht ist der Sensor verschmutzt; wenn es wieder auftritt, Austausch vor Ort planen.",
                    "Am Telefon die Sensorreinigung durchgegangen; zehn Testdrucke ohne Fehler."),
            new Script("de", Topic.HOW_TO, "Wie exportiere ich alle Rechnungen eines Jahres?",
                    "Für unseren Steuerberater brauche ich alle Rechnungen des letzten Jahres in einer Datei. Geht das?",
                    "Guten Tag,\ngern. Brauchen Sie die Rechnungen als PDF-Sammlung oder als Tabelle für die Buchhaltung?",
                    "Als Tabelle wäre am besten, am liebsten im CSV-Format.",
                    "Unter „Rechnungen“ finden Sie oben rechts „Exportieren“. Wählen Sie den Zeitraum und das Format CSV; "
                            + "die Datei enthält alle Rechnungen mit Netto- und Bruttobetrag.",
                    "Im Export fehlen die Gutschriften. Kann man die mit aufnehmen?",
                    "Export ohne Gutschriften ist ein bekannter Mangel, Verbesserungswunsch ist vermerkt.",
                    "Kurz telefoniert und den Export gemeinsam erstellt."),
            new Script("de", Topic.HARDWARE, "Kasse startet nach Stromausfall nicht mehr",
                    "Nach einem kurzen Stromausfall heute früh startet unsere Kasse nicht mehr; der Bildschirm bleibt schwarz.",
                    "Guten Tag,\nleuchtet hinten am Gerät eine Lampe, und wenn ja, in welcher Farbe?",
                    "Hinten blinkt eine orange Lampe, sonst passiert nichts.",
                    "Das orange Blinken zeigt ein defektes Netzteil. Ein Techniker bringt morgen früh ein Ersatznetzteil "
                            + "vorbei und tauscht es vor Ort.",
                    "Der Techniker war da, aber seit heute Mittag ist der Bildschirm wieder schwarz.",
                    "Netzteil Typ B ist ausreichend auf Lager. Keine USV beim Kunden – Empfehlung mitschicken.",
                    "Vor-Ort-Termin telefonisch bestätigt, der Techniker kommt um 8 Uhr."),

            // Vietnamese
            new Script("vi", Topic.INVOICES, "Hóa đơn {ref} bị trừ tiền hai lần",
                    "Chào anh chị,\nTôi thấy hóa đơn {ref} bị trừ tiền hai lần trong tháng này. Nhờ anh chị kiểm tra và "
                            + "hoàn lại khoản bị trừ thừa giúp tôi.\nCảm ơn.",
                    "Chào anh/chị,\nCảm ơn anh/chị đã báo cho chúng tôi. Anh/chị có thể gửi ngày của hai lần trừ tiền như "
                            + "trên sao kê ngân hàng không ạ?",
                    "Hai lần trừ tiền vào ngày 3 và ngày 4, cùng một số tiền. Tôi gửi kèm ảnh chụp sao kê.",
                    "Cảm ơn anh/chị. Lần trừ tiền thứ hai là lỗi của chúng tôi; khoản hoàn tiền đã được chuyển hôm nay và sẽ "
                            + "về tài khoản trong ba đến năm ngày làm việc. Chúng tôi thành thật xin lỗi.",
                    "Đã một tuần rồi mà tôi vẫn chưa nhận được tiền hoàn. Anh chị kiểm tra lại giúp tôi nhé.",
                    "Đã xác nhận trừ tiền trùng ở cổng thanh toán, đã hoàn tiền thủ công.",
                    "Đã gọi điện xác nhận số tiền hoàn; khách muốn nhận bằng chuyển khoản."),
            new Script("vi", Topic.SIGN_IN, "Không đăng nhập được vào tài khoản",
                    "Từ sáng nay tôi không đăng nhập được dù không đổi mật khẩu. Tôi đã bấm quên mật khẩu nhưng không nhận "
                            + "được email nào.",
                    "Chào anh/chị,\nRất tiếc về sự bất tiện này. Anh/chị vui lòng xác nhận địa chỉ email của tài khoản và "
                            + "kiểm tra giúp thư mục thư rác.",
                    "Đúng là địa chỉ này. Trong thư rác cũng không có.",
                    "Tài khoản của anh/chị bị khóa sau nhiều lần nhập sai mật khẩu. Chúng tôi đã mở khóa và gửi lại đường dẫn "
                            + "đặt lại mật khẩu, có hiệu lực trong một giờ.",
                    "Hôm qua đăng nhập được rồi, nhưng hôm nay tài khoản lại bị khóa.",
                    "Tài khoản bị khóa do ứng dụng cũ trên điện thoại vẫn thử mật khẩu cũ.",
                    "Đã gọi điện hướng dẫn đặt lại mật khẩu từng bước; khách đăng nhập được ngay trong cuộc gọi."),
            new Script("vi", Topic.DELIVERY, "Đơn hàng {ref} giao chậm",
                    "Tôi đặt đơn hàng {ref} đã tám ngày mà vẫn chưa nhận được, trạng thái vận chuyển không thay đổi.",
                    "Chào anh/chị,\nChúng tôi đã liên hệ đơn vị vận chuyển. Anh/chị vui lòng xác nhận lại địa chỉ nhận hàng "
                            + "và số điện thoại người nhận.",
                    "Địa chỉ vẫn như trong đơn, nhưng tôi quên ghi số nhà: số 12, ngõ 45. Số điện thoại không đổi.",
                    "Bưu kiện bị giữ ở kho vì thiếu số nhà. Đơn vị vận chuyển sẽ giao lại vào sáng mai.",
                    "Tôi đã nhận được hàng nhưng thiếu một sản phẩm trong đơn.",
                    "Đã báo đơn vị vận chuyển, họ đã mở phiếu sự cố.",
                    "Đã gọi điện xác nhận khung giờ giao hàng sáng mai."),
            new Script("vi", Topic.HARDWARE, "Máy in hóa đơn không in được",
                    "Máy in hóa đơn ở quầy không in được từ hôm qua, đèn báo lỗi nhấp nháy màu đỏ.",
                    "Chào anh/chị,\nAnh/chị cho chúng tôi biết số sê-ri ghi dưới đáy máy và đèn đỏ nhấp nháy mấy lần liên tiếp?",
                    "Số sê-ri {ref}, đèn đỏ nháy ba lần rồi tắt.",
                    "Ba lần nháy đỏ là lỗi đầu in quá nóng. Anh/chị tắt máy mười phút, lau đầu in bằng bông tẩm cồn rồi bật lại. "
                            + "Nếu vẫn lỗi, kỹ thuật viên sẽ đến thay đầu in.",
                    "Máy in chạy được hai ngày rồi lại báo lỗi như cũ.",
                    "Có thể phải thay đầu in; kiểm tra tồn kho ở văn phòng Hà Nội.",
                    "Đã hướng dẫn khách vệ sinh đầu in qua điện thoại; in thử thành công."),
            new Script("vi", Topic.HOW_TO, "Cách thêm đồng nghiệp vào tài khoản công ty",
                    "Công ty tôi có nhân viên mới cần xem hóa đơn. Làm sao để cấp quyền mà không phải chia sẻ mật khẩu của tôi?",
                    "Chào anh/chị,\nDạ được ạ. Anh/chị muốn đồng nghiệp chỉ xem hóa đơn hay được đặt hàng luôn?",
                    "Chỉ xem hóa đơn thôi.",
                    "Anh/chị vào “Tài khoản”, chọn “Người dùng” rồi “Mời”. Chọn vai trò “Xem hóa đơn”; đồng nghiệp sẽ nhận "
                            + "email mời và tự đặt mật khẩu.",
                    "Lời mời đã hết hạn trước khi đồng nghiệp tôi mở. Có thể gửi lại không?",
                    "Tuần này đã có hai yêu cầu tương tự; nên bổ sung hướng dẫn có hình.",
                    "Đã gọi và cùng khách gửi lời mời; đồng nghiệp đã nhận được email."),
            new Script("vi", Topic.INVOICES, "Xin xuất hóa đơn VAT cho đơn hàng {ref}",
                    "Chào anh chị, công ty tôi cần hóa đơn VAT cho đơn hàng {ref}. Tôi xin gửi mã số thuế của công ty.",
                    "Chào anh/chị,\nAnh/chị vui lòng gửi thêm tên công ty và địa chỉ đúng như trên giấy đăng ký kinh doanh ạ.",
                    "Tên và địa chỉ công ty tôi gửi kèm đây, giống hệt giấy đăng ký.",
                    "Hóa đơn VAT điện tử đã được xuất và gửi tới email của anh/chị. Anh/chị cũng có thể tải lại trong mục “Hóa đơn”.",
                    "Hóa đơn ghi sai mã số thuế, nhờ anh chị xuất lại giúp.",
                    "Kế toán của khách cần hóa đơn trước ngày cuối tháng.",
                    "Đã gọi xác nhận thông tin xuất hóa đơn với kế toán của khách."),

            // English
            new Script("en", Topic.INVOICES, "Charged twice for invoice {ref}",
                    "Hello,\nMy card was charged twice for invoice {ref} this month. Could you check and refund the duplicate?\nThanks",
                    "Hello,\nThanks for letting us know. Could you send us the dates of both charges as they appear on your "
                            + "statement? That helps us find the duplicate quickly.",
                    "The charges are dated the 3rd and the 4th, same amount. Screenshot attached.",
                    "Thanks for the details. The second charge was our mistake: the refund went out today and should reach your "
                            + "account within three to five working days. Sorry for the trouble.",
                    "It has been a week and the refund still hasn't arrived. Could you take another look?",
                    "Duplicate confirmed at the payment provider; refund issued by hand.",
                    "Called to confirm the refund amount; a bank transfer is preferred to a credit note."),
            new Script("en", Topic.SIGN_IN, "Locked out of my account",
                    "Since this morning my password is rejected, though I haven't changed it. The reset email never arrives.",
                    "Hello,\nSorry about that. Could you confirm the email address on your account and check your spam folder "
                            + "for the reset message?",
                    "Yes, it's this address. Nothing in spam either.",
                    "Your account was locked after several failed attempts. We've unlocked it and sent a fresh reset link, "
                            + "valid for one hour.",
                    "The link worked yesterday, but the account is locked again today.",
                    "The lock comes from an old phone app that keeps retrying the previous password.",
                    "Walked through the reset on the phone; signed in during the call."),
            new Script("en", Topic.DELIVERY, "Order {ref} arrived incomplete",
                    "My order {ref} arrived today, but one of the three items is missing from the box.",
                    "Hello,\nSorry about that. Which item is missing, and was the box still sealed when it arrived?",
                    "The spare charger is missing. The tape looked untouched.",
                    "It looks like it was left out at packing. We've sent the charger separately by tracked post; it should "
                            + "arrive in two days.",
                    "The charger arrived, but it has the wrong plug for the UK.",
                    "Packing error; warehouse told, with the order reference.",
                    "Called to confirm the delivery address for the replacement."),
            new Script("en", Topic.HARDWARE, "Card reader won't pair with the tablet",
                    "Our card reader no longer pairs with the tablet at the front desk. It worked fine until Friday.",
                    "Hello,\nCould you tell us the reader's serial number, and whether its light is blue or green when you try to pair?",
                    "Serial {ref}. The light blinks blue and then goes off.",
                    "The reader's pairing list was full. Hold the power button for ten seconds to clear it, then pair again from "
                            + "the tablet's settings. We've also updated its firmware remotely.",
                    "Pairing worked, but now it drops the connection a few times a day.",
                    "Firmware 3.1 had a pairing bug on this model; the fix came with 3.2.",
                    "Stayed on the phone while they cleared the pairing list; a test payment went through."),
            new Script("en", Topic.HOW_TO, "How do I change the address invoices go to?",
                    "Our invoices go to a former colleague's mailbox. How can I change the address they're sent to?",
                    "Hello,\nHappy to help. Should invoices go to one new address, or to several people?",
                    "Just one: our shared accounts mailbox.",
                    "Under Account › Billing, choose Edit next to Invoice recipient and enter the new address. From the next "
                            + "invoice on it goes there; we've also resent this month's.",
                    "The latest invoice still went to the old address.",
                    "The recipient only changes from the next billing run: worth saying on the help page.",
                    "Quick call to change the recipient together."),
            new Script("en", Topic.HARDWARE, "Technician didn't turn up this morning",
                    "A technician was booked for 9 am today to look at our printer. Nobody came and nobody called.",
                    "Hello,\nWe're very sorry. When is someone on site for the rest of the week, so we can rebook?",
                    "Someone is here every morning from 8 until noon.",
                    "The technician's earlier job overran and the warning never reached you. We've rebooked for tomorrow at "
                            + "8:30, and the visit is free of charge.",
                    "The technician came, but the printer fails again after an hour.",
                    "Dispatch never sent the delay notice; raised with the field team lead.",
                    "Called to apologise and confirm tomorrow's slot."));
}
